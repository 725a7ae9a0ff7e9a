package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.AccountProblem;
import io.tglive.policy.InvalidAccountsException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/** Jenkins-wide Terragrunt Live CI settings: the account mapping ({@code unclassified: terragruntLiveCi:} in JCasC). */
@Extension
@Symbol("terragruntLiveCi")
public class TerragruntLiveConfiguration extends GlobalConfiguration {

  private List<AccountConfig> accounts = new ArrayList<>();
  private boolean allowLaxerGateOverrides;

  public TerragruntLiveConfiguration() {
    load();
  }

  /** The singleton instance. */
  public static TerragruntLiveConfiguration get() {
    return ExtensionList.lookupSingleton(TerragruntLiveConfiguration.class);
  }

  @NonNull
  public List<AccountConfig> getAccounts() {
    return accounts == null ? List.of() : List.copyOf(accounts);
  }

  /**
   * Keeps the accounts only if the engine finds the whole mapping valid, whoever sets them (the
   * form, configuration as code, a script).
   *
   * @throws InvalidAccountsException with the engine's message, naming each problem's account
   */
  @DataBoundSetter
  public void setAccounts(List<AccountConfig> accounts) {
    List<AccountConfig> checked = accounts == null ? new ArrayList<>() : new ArrayList<>(accounts);
    mappingOf(checked);
    this.accounts = checked;
    save();
  }

  /** Whether {@code tgApprovalGate}'s overrides may relax an account's approval policy (off: only stricter). */
  public boolean isAllowLaxerGateOverrides() {
    return allowLaxerGateOverrides;
  }

  @DataBoundSetter
  public void setAllowLaxerGateOverrides(boolean allowLaxerGateOverrides) {
    this.allowLaxerGateOverrides = allowLaxerGateOverrides;
    save();
  }

  /**
   * The configured accounts as the engine's mapping.
   *
   * @throws InvalidAccountsException if what was stored (by an older version, or edited on disk) is invalid
   */
  public AccountMapping toAccountMapping() {
    return mappingOf(getAccounts());
  }

  /** Binds the submitted accounts and keeps them only if the engine finds the whole mapping valid. */
  @Override
  public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
    List<AccountConfig> submitted = req.bindJSONToList(AccountConfig.class, withListFields(json.get("accounts")));
    try {
      allowLaxerGateOverrides = json.optBoolean("allowLaxerGateOverrides", false);
      setAccounts(submitted);
    } catch (InvalidAccountsException e) {
      throw new FormException(
          e.problems().stream().map(AccountProblem::message).collect(Collectors.joining("; ")), "accounts");
    }
    return true;
  }

  private static AccountMapping mappingOf(List<AccountConfig> accounts) {
    return new AccountMapping(accounts.stream().map(AccountConfig::toAccount).toList());
  }

  /**
   * The form sends voters and dependencies as one-per-line text; the setters take lists. Returns the
   * submitted account(s) with those fields split into arrays.
   */
  private static Object withListFields(Object submitted) {
    if (submitted instanceof JSONObject account) {
      JSONObject copy = JSONObject.fromObject(account);
      for (String field : List.of("voters", "dependencies")) {
        if (copy.get(field) instanceof String text) {
          copy.put(field, JSONArray.fromObject(AccountConfig.lines(text)));
        }
      }
      return copy;
    }
    if (submitted instanceof JSONArray list) {
      JSONArray copy = new JSONArray();
      list.forEach(element -> copy.add(withListFields(element)));
      return copy;
    }
    return submitted == null ? new JSONArray() : submitted;
  }
}
