package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.tglive.policy.Account;
import io.tglive.policy.AccountRules;
import io.tglive.policy.GateRules;
import io.tglive.policy.RunnerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/** One account of the global account mapping, as configured in Jenkins; the engine's {@link Account} in form shape. */
public class AccountConfig implements Describable<AccountConfig> {

  private final String name;
  private final String path;
  private List<String> voters = new ArrayList<>();
  private int approvalsRequired = 1;
  private int rejectionsRequired = 1;
  private List<String> dependencies = new ArrayList<>();
  private String planRole;
  private String applyRole;
  private String codeBuildProject;
  private String region;
  private boolean allowSelfApproval;
  private Integer destroyApprovalsRequired;
  private Integer newProviderApprovalsRequired;
  private String gateTimeout;

  @DataBoundConstructor
  public AccountConfig(String name, String path) {
    this.name = name == null ? "" : name.strip();
    this.path = path == null ? "" : path.strip();
  }

  public String getName() {
    return name;
  }

  public String getPath() {
    return path;
  }

  public List<String> getVoters() {
    return List.copyOf(voters);
  }

  @DataBoundSetter
  public void setVoters(List<String> voters) {
    this.voters = cleaned(voters);
  }

  /** The voters one per line, as the form's text area shows them. */
  public String getVotersText() {
    return String.join("\n", voters);
  }

  public int getApprovalsRequired() {
    return approvalsRequired;
  }

  @DataBoundSetter
  public void setApprovalsRequired(int approvalsRequired) {
    this.approvalsRequired = approvalsRequired;
  }

  public int getRejectionsRequired() {
    return rejectionsRequired;
  }

  @DataBoundSetter
  public void setRejectionsRequired(int rejectionsRequired) {
    this.rejectionsRequired = rejectionsRequired;
  }

  public List<String> getDependencies() {
    return List.copyOf(dependencies);
  }

  @DataBoundSetter
  public void setDependencies(List<String> dependencies) {
    this.dependencies = cleaned(dependencies);
  }

  /** The dependencies one per line, as the form's text area shows them. */
  public String getDependenciesText() {
    return String.join("\n", dependencies);
  }

  public String getPlanRole() {
    return planRole;
  }

  @DataBoundSetter
  public void setPlanRole(String planRole) {
    this.planRole = blankToNull(planRole);
  }

  public String getApplyRole() {
    return applyRole;
  }

  @DataBoundSetter
  public void setApplyRole(String applyRole) {
    this.applyRole = blankToNull(applyRole);
  }

  public String getCodeBuildProject() {
    return codeBuildProject;
  }

  @DataBoundSetter
  public void setCodeBuildProject(String codeBuildProject) {
    this.codeBuildProject = blankToNull(codeBuildProject);
  }

  public String getRegion() {
    return region;
  }

  @DataBoundSetter
  public void setRegion(String region) {
    this.region = blankToNull(region);
  }

  public boolean isAllowSelfApproval() {
    return allowSelfApproval;
  }

  @DataBoundSetter
  public void setAllowSelfApproval(boolean allowSelfApproval) {
    this.allowSelfApproval = allowSelfApproval;
  }

  public Integer getDestroyApprovalsRequired() {
    return destroyApprovalsRequired;
  }

  /** Approvals a destroy needs; empty: approvalsRequired + 1, at most the number of listed voters. */
  @DataBoundSetter
  public void setDestroyApprovalsRequired(Integer destroyApprovalsRequired) {
    this.destroyApprovalsRequired = destroyApprovalsRequired;
  }

  public Integer getNewProviderApprovalsRequired() {
    return newProviderApprovalsRequired;
  }

  /** Approvals a plan adding a provider needs; empty: approvalsRequired. */
  @DataBoundSetter
  public void setNewProviderApprovalsRequired(Integer newProviderApprovalsRequired) {
    this.newProviderApprovalsRequired = newProviderApprovalsRequired;
  }

  public String getGateTimeout() {
    return gateTimeout;
  }

  /** How long a gate stays open, ISO-8601 ({@code PT4H}); empty: no limit. */
  @DataBoundSetter
  public void setGateTimeout(String gateTimeout) {
    this.gateTimeout = blankToNull(gateTimeout);
  }

  /** This account as the engine sees it. */
  public Account toAccount() {
    return new Account(name, path, voters, approvalsRequired, rejectionsRequired, dependencies,
        new RunnerSettings(planRole, applyRole, codeBuildProject, region),
        new GateRules(allowSelfApproval, destroyApprovalsRequired, newProviderApprovalsRequired, gateTimeout));
  }

  /** Splits the text of a one-per-line form field into its non-blank entries. */
  static List<String> lines(String text) {
    return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static List<String> cleaned(List<String> values) {
    List<String> cleaned = new ArrayList<>();
    if (values != null) {
      values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(cleaned::add);
    }
    return cleaned;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Form metadata and field validation; every rule comes from the engine's {@link AccountRules}. */
  @Extension
  @Symbol("account")
  public static final class DescriptorImpl extends Descriptor<AccountConfig> {

    @NonNull
    @Override
    public String getDisplayName() {
      return "Account";
    }

    public FormValidation doCheckName(@QueryParameter String value) {
      return validation(AccountRules.checkName(value));
    }

    public FormValidation doCheckPath(@QueryParameter String value) {
      return validation(AccountRules.checkPath(value));
    }

    public FormValidation doCheckVoters(@QueryParameter String value) {
      return validation(AccountRules.checkVoters(lines(value)));
    }

    public FormValidation doCheckApprovalsRequired(@QueryParameter int value, @QueryParameter String voters) {
      return validation(AccountRules.checkApprovalsRequired(value, lines(voters)));
    }

    public FormValidation doCheckRejectionsRequired(
        @QueryParameter int value, @QueryParameter int approvalsRequired, @QueryParameter String voters) {
      return validation(AccountRules.checkRejectionsRequired(value, approvalsRequired, lines(voters)));
    }

    public FormValidation doCheckGateTimeout(@QueryParameter String value) {
      return validation(AccountRules.checkGateRules(new GateRules(false, null, null, value), 0, List.of()).stream()
          .findFirst());
    }

    private static FormValidation validation(Optional<String> problem) {
      return problem.isPresent() ? FormValidation.error(problem.get()) : FormValidation.ok();
    }
  }
}
