package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.Permission;
import hudson.util.FormValidation;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.AccountProblem;
import io.tglive.policy.InvalidAccountsException;
import io.tglive.policy.NotificationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Jenkins-wide Terragrunt Live CI settings: the account mapping, the gate notifications and the
 * deploy queues page's permission ({@code unclassified: terragruntLiveCi:} in JCasC).
 */
@Extension
@Symbol("terragruntLiveCi")
public class TerragruntLiveConfiguration extends GlobalConfiguration {

  private List<AccountConfig> accounts = new ArrayList<>();
  private boolean allowLaxerGateOverrides;

  private NotificationConfig notifications;

  /** The permission id of the queue page's override and remove, or null for {@link #DEFAULT_QUEUE_PERMISSION}. */
  private String queuePermission;

  /** Overall/Administer: who may override and remove on the deploy queues page unless configured. */
  static final String DEFAULT_QUEUE_PERMISSION = "hudson.model.Hudson.Administer";

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

  /** The configured permission id of the deploy queues page's override and remove, or null for the default. */
  @CheckForNull
  public String getQueuePermission() {
    return queuePermission;
  }

  /** The id of the permission the deploy queues page's override and remove need ({@code hudson.model.Item.Build}). */
  @NonNull
  String queuePermissionId() {
    return queuePermission == null ? DEFAULT_QUEUE_PERMISSION : queuePermission;
  }

  /**
   * Sets who may override and remove on the deploy queues page: a Jenkins permission id; blank is the
   * default, Overall/Administer.
   *
   * @throws IllegalArgumentException naming an id Jenkins does not know
   */
  @DataBoundSetter
  public void setQueuePermission(String queuePermission) {
    this.queuePermission = checkedQueuePermission(queuePermission);
    save();
  }

  /** The permission the deploy queues page's override and remove need. */
  @NonNull
  Permission queuePermission() {
    Permission permission = Permission.fromId(queuePermissionId());
    if (permission == null) {
      throw new IllegalStateException("queuePermission: " + unknownPermission(queuePermissionId()));
    }
    return permission;
  }

  /** Checks the queue permission field: an unknown id is an error. */
  public FormValidation doCheckQueuePermission(@QueryParameter String value) {
    try {
      checkedQueuePermission(value);
      return FormValidation.ok();
    } catch (IllegalArgumentException e) {
      return FormValidation.error(e.getMessage());
    }
  }

  /** The id kept for {@code value}: null (the default) when blank; an id Jenkins does not know is refused. */
  private static String checkedQueuePermission(String value) {
    String id = value == null || value.isBlank() ? null : value.strip();
    if (id != null && Permission.fromId(id) == null) {
      throw new IllegalArgumentException(unknownPermission(id));
    }
    return id == null || id.equals(DEFAULT_QUEUE_PERMISSION) ? null : id;
  }

  private static String unknownPermission(String id) {
    return "unknown permission '" + id + "': give a Jenkins permission id such as hudson.model.Item.Build or "
        + DEFAULT_QUEUE_PERMISSION;
  }

  /**
   * The configured accounts as the engine's mapping.
   *
   * @throws InvalidAccountsException if what was stored (by an older version, or edited on disk) is invalid
   */
  public AccountMapping toAccountMapping() {
    return mappingOf(getAccounts());
  }

  /** The gate notification settings, or null when none are configured. */
  public NotificationConfig getNotifications() {
    return notifications;
  }

  /**
   * Keeps the notification settings only if the engine finds them valid.
   *
   * @throws IllegalArgumentException with the engine's message naming the setting
   */
  @DataBoundSetter
  public void setNotifications(NotificationConfig notifications) {
    if (notifications != null) {
      notifications.toSettings();
    }
    this.notifications = notifications;
    save();
  }

  /** The engine's notification settings; none when nothing is configured. */
  public NotificationSettings toNotificationSettings() {
    return notifications == null ? NotificationSettings.NONE : notifications.toSettings();
  }

  /** Binds the submitted accounts and notifications and keeps them only if the engine finds both valid. */
  @Override
  public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
    // An optional section: absent when unchecked, one object when checked (bound as a list of one).
    List<NotificationConfig> notified = json.has("notifications")
        ? req.bindJSONToList(NotificationConfig.class, withAddressList(json.get("notifications")))
        : List.of();
    NotificationConfig notifications = notified.isEmpty() ? null : notified.get(0);
    try {
      if (notifications != null) {
        notifications.toSettings();
      }
    } catch (IllegalArgumentException e) {
      throw new FormException(e.getMessage(), "notifications");
    }
    List<AccountConfig> submitted = req.bindJSONToList(AccountConfig.class, withListFields(json.get("accounts")));
    try {
      mappingOf(submitted);
    } catch (InvalidAccountsException e) {
      throw new FormException(
          e.problems().stream().map(AccountProblem::message).collect(Collectors.joining("; ")), "accounts");
    }
    String permission;
    try {
      permission = checkedQueuePermission(json.optString("queuePermission", null));
    } catch (IllegalArgumentException e) {
      throw new FormException(e.getMessage(), "queuePermission");
    }
    this.notifications = notifications;
    this.allowLaxerGateOverrides = json.optBoolean("allowLaxerGateOverrides", false);
    this.queuePermission = permission;
    setAccounts(submitted); // saves them all
    return true;
  }

  private static AccountMapping mappingOf(List<AccountConfig> accounts) {
    return new AccountMapping(accounts.stream().map(AccountConfig::toAccount).toList());
  }

  /** The form sends the addresses as one-per-line text; the setter takes a list. */
  private static Object withAddressList(Object submitted) {
    if (submitted instanceof JSONObject section && section.get("addresses") instanceof String text) {
      JSONObject copy = JSONObject.fromObject(section);
      copy.put("addresses", JSONArray.fromObject(AccountConfig.lines(text)));
      return copy;
    }
    return submitted;
  }

  /**
   * The form sends voters, dependencies, the terragrunt command, extra arguments and retry patterns as one-per-line text; the setters take lists. Returns the
   * submitted account(s) with those fields split into arrays.
   */
  private static Object withListFields(Object submitted) {
    if (submitted instanceof JSONObject account) {
      JSONObject copy = JSONObject.fromObject(account);
      for (String field : List.of("voters", "dependencies", "terragrunt", "planArgs", "applyArgs", "destroyArgs",
          "retryOn", "rollbackVoters")) {
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
