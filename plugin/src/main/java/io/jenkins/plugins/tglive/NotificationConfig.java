package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationRules;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * The gate notification settings of the global configuration: the engine's
 * {@link NotificationSettings} in form shape. Secrets are named, not stored: the SMTP password and
 * the webhook URL come from the controller's environment variables.
 */
public class NotificationConfig implements Describable<NotificationConfig> {

  private String smtpHost;
  private int smtpPort;
  private String from;
  private String tls;
  private String username;
  private String passwordEnv;
  private String webhookUrlEnv;
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
   * These settings as the engine's, checked by its rules.
   *
   * @throws IllegalArgumentException naming the first setting that is wrong
   */
  public NotificationSettings toSettings() {
    EmailSettings email = null;
    if (smtpHost != null || from != null) {
      String problem = EmailSettings.Tls.check(tls == null ? "starttls" : tls);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (smtpHost == null || from == null) {
        throw new IllegalArgumentException(smtpHost == null ? "email needs an SMTP host" : "email needs a 'from' address");
      }
      email = new EmailSettings(smtpHost, smtpPort, from, EmailSettings.Tls.named(tls == null ? "starttls" : tls),
          username, passwordEnv);
    } else if (username != null || passwordEnv != null) {
      throw new IllegalArgumentException("a username or passwordEnv needs an SMTP host");
    }
    WebhookSettings webhook = webhookUrlEnv == null ? null
        : new WebhookSettings(null, webhookUrlEnv, webhookTimeoutSeconds);
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

    private static FormValidation validation(String problem) {
      return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }
  }
}
