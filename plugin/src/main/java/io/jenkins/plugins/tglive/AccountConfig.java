package io.jenkins.plugins.tglive;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.tglive.policy.Account;
import io.tglive.policy.AccountCommands;
import io.tglive.policy.AccountRules;
import io.tglive.policy.RunnerRules;
import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
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
  private String runner;
  private String codeBuildBucket;
  private String codeBuildPrefix;
  private List<String> terragrunt = new ArrayList<>();
  private List<String> planArgs = new ArrayList<>();
  private List<String> applyArgs = new ArrayList<>();
  private List<String> destroyArgs = new ArrayList<>();
  private List<String> retryOn = new ArrayList<>();
  private String commandTimeout;
  private boolean allowSelfApproval;
  private Integer destroyApprovalsRequired;
  private Integer newProviderApprovalsRequired;
  private String gateTimeout;
  private List<String> rollbackVoters;
  private Integer rollbackApprovalsRequired;
  private Integer rollbackRejectionsRequired;
  private String credentialsId;

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

  public String getRunner() {
    return runner;
  }

  /** {@code local} or {@code codebuild}; blank for the default (local). */
  @DataBoundSetter
  public void setRunner(String runner) {
    this.runner = blankToNull(runner);
  }

  public String getCodeBuildBucket() {
    return codeBuildBucket;
  }

  @DataBoundSetter
  public void setCodeBuildBucket(String codeBuildBucket) {
    this.codeBuildBucket = blankToNull(codeBuildBucket);
  }

  public String getCodeBuildPrefix() {
    return codeBuildPrefix;
  }

  @DataBoundSetter
  public void setCodeBuildPrefix(String codeBuildPrefix) {
    this.codeBuildPrefix = blankToNull(codeBuildPrefix);
  }

  public List<String> getTerragrunt() {
    return List.copyOf(terragrunt);
  }

  @DataBoundSetter
  public void setTerragrunt(List<String> terragrunt) {
    this.terragrunt = cleaned(terragrunt);
  }

  /** The terragrunt command one word per line, as the form's text area shows it. */
  public String getTerragruntText() {
    return String.join("\n", terragrunt);
  }

  public List<String> getPlanArgs() {
    return List.copyOf(planArgs);
  }

  @DataBoundSetter
  public void setPlanArgs(List<String> planArgs) {
    this.planArgs = cleaned(planArgs);
  }

  /** The extra plan arguments one per line, as the form's text area shows them. */
  public String getPlanArgsText() {
    return String.join("\n", planArgs);
  }

  public List<String> getApplyArgs() {
    return List.copyOf(applyArgs);
  }

  @DataBoundSetter
  public void setApplyArgs(List<String> applyArgs) {
    this.applyArgs = cleaned(applyArgs);
  }

  /** The extra apply arguments one per line, as the form's text area shows them. */
  public String getApplyArgsText() {
    return String.join("\n", applyArgs);
  }

  public List<String> getDestroyArgs() {
    return List.copyOf(destroyArgs);
  }

  @DataBoundSetter
  public void setDestroyArgs(List<String> destroyArgs) {
    this.destroyArgs = cleaned(destroyArgs);
  }

  /** The extra arguments of destroy plans one per line, as the form's text area shows them. */
  public String getDestroyArgsText() {
    return String.join("\n", destroyArgs);
  }

  public List<String> getRetryOn() {
    return List.copyOf(retryOn);
  }

  @DataBoundSetter
  public void setRetryOn(List<String> retryOn) {
    this.retryOn = cleaned(retryOn);
  }

  /** The extra retry patterns one per line, as the form's text area shows them. */
  public String getRetryOnText() {
    return String.join("\n", retryOn);
  }

  public String getCommandTimeout() {
    return commandTimeout;
  }

  /** ISO-8601, e.g. {@code PT30M}; blank for the default. */
  @DataBoundSetter
  public void setCommandTimeout(String commandTimeout) {
    this.commandTimeout = blankToNull(commandTimeout);
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

  public List<String> getRollbackVoters() {
    return rollbackVoters == null ? null : List.copyOf(rollbackVoters);
  }

  /** Who votes on rollbacks; empty: the account's voters. */
  @DataBoundSetter
  public void setRollbackVoters(List<String> rollbackVoters) {
    List<String> cleaned = cleaned(rollbackVoters);
    this.rollbackVoters = cleaned.isEmpty() ? null : cleaned;
  }

  /** The rollback voters one per line, as the form's text area shows them. */
  public String getRollbackVotersText() {
    return rollbackVoters == null ? "" : String.join("\n", rollbackVoters);
  }

  public Integer getRollbackApprovalsRequired() {
    return rollbackApprovalsRequired;
  }

  /** Approvals every rollback step needs; empty: the account's rules. */
  @DataBoundSetter
  public void setRollbackApprovalsRequired(Integer rollbackApprovalsRequired) {
    this.rollbackApprovalsRequired = rollbackApprovalsRequired;
  }

  public Integer getRollbackRejectionsRequired() {
    return rollbackRejectionsRequired;
  }

  /** Rejections that stop a rollback step; empty: the account's. */
  @DataBoundSetter
  public void setRollbackRejectionsRequired(Integer rollbackRejectionsRequired) {
    this.rollbackRejectionsRequired = rollbackRejectionsRequired;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  /**
   * The id of the Jenkins AWS credentials the account's units run with (plan and apply roles are
   * assumed on top); empty: the AWS default chain of the controller (CodeBuild) or the agent.
   */
  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = blankToNull(credentialsId);
  }

  /** This account as the engine sees it. */
  public Account toAccount() {
    return new Account(name, path, voters, approvalsRequired, rejectionsRequired, dependencies, runnerSettings(),
        new GateRules(allowSelfApproval, destroyApprovalsRequired, newProviderApprovalsRequired, gateTimeout,
            new RollbackRules(rollbackVoters, rollbackApprovalsRequired, rollbackRejectionsRequired)));
  }

  private RunnerSettings runnerSettings() {
    return new RunnerSettings(planRole, applyRole, codeBuildProject, region, runner, codeBuildBucket,
        codeBuildPrefix, new AccountCommands(terragrunt, planArgs, applyArgs, destroyArgs, retryOn, commandTimeout));
  }

  private AccountConfig withRunner(String value) {
    setRunner(value);
    return this;
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

    public FormValidation doCheckRunner(@QueryParameter String value) {
      return runnerProblem("runner", new AccountConfig("", "").withRunner(value));
    }

    public FormValidation doCheckRetryOn(@QueryParameter String value) {
      AccountConfig config = new AccountConfig("", "");
      config.setRetryOn(lines(value));
      return runnerProblem("retryOn", config);
    }

    public FormValidation doCheckCommandTimeout(@QueryParameter String value) {
      AccountConfig config = new AccountConfig("", "");
      config.setCommandTimeout(value);
      return runnerProblem("commandTimeout", config);
    }

    /** The first problem the engine's {@link RunnerRules} find with {@code key} of {@code config}. */
    private static FormValidation runnerProblem(String key, AccountConfig config) {
      return validation(RunnerRules.check(config.runnerSettings()).stream()
          .filter(p -> p.key().equals(key)).map(RunnerRules.Problem::message).findFirst());
    }

    public FormValidation doCheckGateTimeout(@QueryParameter String value) {
      return validation(AccountRules.checkGateRules(new GateRules(false, null, null, value), 0, List.of()).stream()
          .findFirst());
    }

    public FormValidation doCheckRollbackVoters(@QueryParameter String value) {
      return validation(AccountRules.checkVoters(lines(value)).map(p -> "rollback " + p));
    }

    public FormValidation doCheckRollbackApprovalsRequired(@QueryParameter String value,
        @QueryParameter String rollbackVoters, @QueryParameter String voters, @QueryParameter int approvalsRequired) {
      Integer count = count(value);
      List<String> rollback = lines(rollbackVoters);
      return validation(AccountRules.checkRollbackRules(new GateRules(false, null, null, null,
          new RollbackRules(rollback.isEmpty() ? null : rollback, count, null)), approvalsRequired, lines(voters))
          .stream().findFirst());
    }

    private static Integer count(String value) {
      try {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** The AWS credentials of the controller's global scope, as the credentials id's choices. */
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
      return JenkinsCredentials.choices(AmazonWebServicesCredentials.class, credentialsId);
    }

    /** Names a credentials id that is not (or no longer) AWS credentials of the global scope. */
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
      return JenkinsCredentials.check(AmazonWebServicesCredentials.class, "AWS credentials", value);
    }

    private static FormValidation validation(Optional<String> problem) {
      return problem.isPresent() ? FormValidation.error(problem.get()) : FormValidation.ok();
    }
  }
}
