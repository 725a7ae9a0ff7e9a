package io.jenkins.plugins.tglive;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The notification settings of the global configuration with their Jenkins credentials resolved: the
 * engine reads secrets from an environment by variable name, so the SMTP password and the webhook URL
 * of the credentials are handed over as {@value #SMTP_PASSWORD} and {@value #WEBHOOK_URL} in a copy of
 * the controller's environment (never in the process's own), and the SMTP username as the email
 * settings' username. Credentials that are missing or of another kind switch their channel off with a
 * log line naming the id; notifying never blocks a gate.
 */
final class NotificationCredentials {

  /** The variable the SMTP password of {@code smtpCredentialsId} is handed over in. */
  static final String SMTP_PASSWORD = "TGLIVE_JENKINS_SMTP_PASSWORD";

  /** The variable the webhook URL of {@code webhookCredentialsId} is handed over in. */
  static final String WEBHOOK_URL = "TGLIVE_JENKINS_WEBHOOK_URL";

  private NotificationCredentials() {}

  /** Finds global credentials of a type by id (as the system); null when there are none. */
  @FunctionalInterface
  interface Lookup {
    <C extends StandardCredentials> C find(Class<C> type, String id);
  }

  /**
   * What the engine's dispatcher is made from.
   *
   * @param settings the settings, credentials resolved
   * @param environment the variables the settings name, secrets of the credentials included
   */
  record Resolved(NotificationSettings settings, Map<String, String> environment) {

    @Override
    public String toString() {
      return "Resolved[" + settings + ", " + environment.size() + " variables]";
    }
  }

  /**
   * The settings of {@code config} (none when null) with the secrets of its credentials ids in a copy of
   * {@code environment}.
   *
   * @param log where a credentials id that cannot be used is reported
   */
  static Resolved resolve(NotificationConfig config, Map<String, String> environment, Lookup credentials,
      Consumer<String> log) {
    Map<String, String> variables = new HashMap<>(environment);
    variables.remove(SMTP_PASSWORD);
    variables.remove(WEBHOOK_URL);
    if (config == null) {
      return new Resolved(NotificationSettings.NONE, Map.copyOf(variables));
    }
    NotificationSettings settings = config.toSettings();
    EmailSettings email = settings.email();
    String smtpId = config.getSmtpCredentialsId();
    if (email != null && smtpId != null) {
      StandardUsernamePasswordCredentials login = credentials.find(StandardUsernamePasswordCredentials.class, smtpId);
      if (login == null) {
        log.accept("notifications: email is off: no username with password credentials with id '" + smtpId
            + "' in the global credentials (smtpCredentialsId)");
        email = null;
      } else {
        variables.put(SMTP_PASSWORD, login.getPassword().getPlainText());
        email = new EmailSettings(email.host(), email.port(), email.from(), email.tls(), login.getUsername(),
            SMTP_PASSWORD);
      }
    }
    String webhookId = config.getWebhookCredentialsId();
    boolean webhook = settings.webhook() != null;
    if (webhook && webhookId != null) {
      StringCredentials url = credentials.find(StringCredentials.class, webhookId);
      if (url == null) {
        log.accept("notifications: the webhook is off: no secret text credentials with id '" + webhookId
            + "' in the global credentials (webhookCredentialsId)");
        webhook = false;
      } else {
        variables.put(WEBHOOK_URL, url.getSecret().getPlainText());
      }
    }
    return new Resolved(new NotificationSettings(email, webhook ? settings.webhook() : null, settings.addresses()),
        Map.copyOf(variables));
  }
}
