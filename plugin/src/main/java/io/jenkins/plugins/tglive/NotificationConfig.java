package io.jenkins.plugins.tglive;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationRules;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The gate notification settings of the global configuration: the engine's
 * {@link NotificationSettings} in form shape. Secrets are named, not stored: the SMTP username and
 * password and the webhook URL come from Jenkins credentials ({@code smtpCredentialsId},
 * {@code webhookCredentialsId}, resolved by {@link NotificationCredentials}), or, deprecated, from
 * the controller's environment variables ({@code passwordEnv}, {@code webhookUrlEnv}).
 */
public class NotificationConfig implements Describable<NotificationConfig> {

  private String smtpHost;
  private int smtpPort;
  private String from;
  private String tls;
  private String username;
  private String passwordEnv;
  private String webhookUrlEnv;
  private String smtpCredentialsId;
  private String webhookCredentialsId;
  private int webhookTimeoutSeconds;
  private List<String> addresses = new ArrayList<>();

  @DataBoundConstructor
  public NotificationConfig() {}

  public String getSmtpHost() {
    return smtpHost;
  }

  @DataBoundSetter
  public void setSmtpHost(String smtpHost) {
    this.smtpHost = blankToNull(smtpHost);
  }

  public int getSmtpPort() {
    return smtpPort;
  }

  /** 0 means the default port of the TLS mode. */
  @DataBoundSetter
  public void setSmtpPort(int smtpPort) {
    this.smtpPort = smtpPort;
  }

  public String getFrom() {
    return from;
  }

  @DataBoundSetter
  public void setFrom(String from) {
    this.from = blankToNull(from);
  }

  public String getTls() {
    return tls;
  }

  /** {@code starttls} (the default), {@code tls} or {@code none}. */
  @DataBoundSetter
  public void setTls(String tls) {
    this.tls = blankToNull(tls);
  }

  public String getUsername() {
    return username;
  }

  @DataBoundSetter
  public void setUsername(String username) {
    this.username = blankToNull(username);
  }

  public String getPasswordEnv() {
    return passwordEnv;
  }

  @DataBoundSetter
  public void setPasswordEnv(String passwordEnv) {
    this.passwordEnv = blankToNull(passwordEnv);
  }

  public String getWebhookUrlEnv() {
    return webhookUrlEnv;
  }

  @DataBoundSetter
  public void setWebhookUrlEnv(String webhookUrlEnv) {
    this.webhookUrlEnv = blankToNull(webhookUrlEnv);
  }

  public String getSmtpCredentialsId() {
    return smtpCredentialsId;
  }

  /** The id of the global username-with-password credentials of the SMTP server (instead of username and passwordEnv). */
  @DataBoundSetter
  public void setSmtpCredentialsId(String smtpCredentialsId) {
    this.smtpCredentialsId = blankToNull(smtpCredentialsId);
  }

  public String getWebhookCredentialsId() {
    return webhookCredentialsId;
  }

  /** The id of the global secret text credentials holding the webhook URL (instead of webhookUrlEnv). */
  @DataBoundSetter
  public void setWebhookCredentialsId(String webhookCredentialsId) {
    this.webhookCredentialsId = blankToNull(webhookCredentialsId);
  }

  public int getWebhookTimeoutSeconds() {
    return webhookTimeoutSeconds;
  }

  /** 0 means the engine's default. */
  @DataBoundSetter
  public void setWebhookTimeoutSeconds(int webhookTimeoutSeconds) {
    this.webhookTimeoutSeconds = webhookTimeoutSeconds;
  }

  /** Entries {@code id=address}. */
  public List<String> getAddresses() {
    return List.copyOf(addresses);
  }

  @DataBoundSetter
  public void setAddresses(List<String> addresses) {
    List<String> cleaned = new ArrayList<>();
    if (addresses != null) {
      addresses.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).forEach(cleaned::add);
    }
    this.addresses = cleaned;
  }

  /** The addresses one per line, as the form's text area shows them. */
  public String getAddressesText() {
    return String.join("\n", addresses);
  }

  /**
   * These settings as the engine's, checked by its rules. The secrets of credentials ids are not in
   * them: {@link NotificationCredentials} adds them when a gate opens (a webhook of
   * {@code webhookCredentialsId} reads the variable it fills in).
   *
   * @throws IllegalArgumentException naming the first setting that is wrong
   */
  public NotificationSettings toSettings() {
    if (smtpCredentialsId != null && (username != null || passwordEnv != null)) {
      throw new IllegalArgumentException("give the SMTP login as smtpCredentialsId or as username and passwordEnv,"
          + " not both");
    }
    if (webhookCredentialsId != null && webhookUrlEnv != null) {
      throw new IllegalArgumentException("give the webhook URL as webhookCredentialsId or as webhookUrlEnv, not both");
    }
    EmailSettings email = null;
    if (smtpHost != null || from != null) {
      String problem = EmailSettings.Tls.check(tls == null ? "starttls" : tls);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (smtpHost == null || from == null) {
        throw new IllegalArgumentException(smtpHost == null ? "email needs an SMTP host" : "email needs a 'from' address");
      }
      // the login of smtpCredentialsId is added when the credentials are resolved
      email = new EmailSettings(smtpHost, smtpPort, from, EmailSettings.Tls.named(tls == null ? "starttls" : tls),
          username, passwordEnv);
    } else if (username != null || passwordEnv != null || smtpCredentialsId != null) {
      throw new IllegalArgumentException("a username, passwordEnv or smtpCredentialsId needs an SMTP host");
    }
    String urlVariable = webhookCredentialsId != null ? NotificationCredentials.WEBHOOK_URL : webhookUrlEnv;
    WebhookSettings webhook = urlVariable == null ? null : new WebhookSettings(null, urlVariable, webhookTimeoutSeconds);
    return new NotificationSettings(email, webhook, addressBook(addresses));
  }

  /** {@code id=address} entries as a map; a malformed or repeated entry is refused, naming it. */
  static Map<String, String> addressBook(List<String> entries) {
    Map<String, String> book = new LinkedHashMap<>();
    for (String entry : entries) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("'addresses' entry '" + entry + "' must be written id=address");
      }
      String id = entry.substring(0, equals).strip();
      if (book.put(id, entry.substring(equals + 1).strip()) != null) {
        throw new IllegalArgumentException("'addresses' gives voter '" + id + "' twice");
      }
    }
    return book;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Form metadata and field validation; every rule comes from the engine's {@link NotificationRules}. */
  @Extension
  @Symbol("notifications")
  public static final class DescriptorImpl extends Descriptor<NotificationConfig> {

    @NonNull
    @Override
    public String getDisplayName() {
      return "Gate notifications";
    }

    public FormValidation doCheckSmtpHost(@QueryParameter String value) {
      return value == null || value.isBlank() ? FormValidation.ok()
          : validation(NotificationRules.checkHost("smtpHost", value.strip()));
    }

    public FormValidation doCheckFrom(@QueryParameter String value) {
      return value == null || value.isBlank() ? FormValidation.ok()
          : validation(NotificationRules.checkAddress("from", value.strip()));
    }

    public FormValidation doCheckPasswordEnv(@QueryParameter String value) {
      return value == null || value.isBlank() ? FormValidation.ok()
          : validation(NotificationRules.checkVariable("passwordEnv", value.strip()));
    }

    public FormValidation doCheckWebhookUrlEnv(@QueryParameter String value) {
      return value == null || value.isBlank() ? FormValidation.ok()
          : validation(NotificationRules.checkVariable("webhookUrlEnv", value.strip()));
    }

    public ListBoxModel doFillSmtpCredentialsIdItems(@QueryParameter String smtpCredentialsId) {
      return JenkinsCredentials.choices(StandardUsernamePasswordCredentials.class, smtpCredentialsId);
    }

    public FormValidation doCheckSmtpCredentialsId(@QueryParameter String value) {
      return JenkinsCredentials.check(StandardUsernamePasswordCredentials.class, "username with password", value);
    }

    public ListBoxModel doFillWebhookCredentialsIdItems(@QueryParameter String webhookCredentialsId) {
      return JenkinsCredentials.choices(StringCredentials.class, webhookCredentialsId);
    }

    public FormValidation doCheckWebhookCredentialsId(@QueryParameter String value) {
      return JenkinsCredentials.check(StringCredentials.class, "secret text", value);
    }

    private static FormValidation validation(String problem) {
      return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }
  }
}
