package io.tglive.approval.notify;

import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationRules;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Builds the notifier of a run from its {@link NotificationSettings} and the environment holding the secrets. */
public final class Notifications {

  /** How long closing the notifier waits for notifications still being sent. */
  public static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);

  private Notifications() {}

  /**
   * The notifier for {@code settings}: email and webhook channels as configured, on a background
   * dispatcher with the default retries. A channel whose secret variable is missing or unusable is
   * left out and logged; it never stops the run. Close the result when the run ends.
   *
   * @param environment  where {@code passwordEnv} and {@code urlEnv} are looked up
   * @param groupMembers the user ids of a group, by name (without {@code group:})
   * @param log          receives problems and failures, one line each, secrets masked
   */
  public static NotificationDispatcher from(NotificationSettings settings, Map<String, String> environment,
      Function<String, ? extends Collection<String>> groupMembers, Consumer<String> log) {
    return from(settings, environment, groupMembers, log, RetrySchedule.DEFAULT, FLUSH_TIMEOUT);
  }

  /** As {@link #from(NotificationSettings, Map, Function, Consumer)} with other retries and flush timeout. */
  public static NotificationDispatcher from(NotificationSettings settings, Map<String, String> environment,
      Function<String, ? extends Collection<String>> groupMembers, Consumer<String> log, RetrySchedule retries,
      Duration flushTimeout) {
    return from(settings, environment, VoterDirectory.of(groupMembers), log, retries, flushTimeout);
  }

  /**
   * As {@link #from(NotificationSettings, Map, Function, Consumer)}, looking voters up in
   * {@code directory}: group members and users' own addresses ({@link VoterAddresses} decides).
   */
  public static NotificationDispatcher from(NotificationSettings settings, Map<String, String> environment,
      VoterDirectory directory, Consumer<String> log) {
    return from(settings, environment, directory, log, RetrySchedule.DEFAULT, FLUSH_TIMEOUT);
  }

  /** As {@link #from(NotificationSettings, Map, VoterDirectory, Consumer)} with other retries and flush timeout. */
  public static NotificationDispatcher from(NotificationSettings settings, Map<String, String> environment,
      VoterDirectory directory, Consumer<String> log, RetrySchedule retries, Duration flushTimeout) {
    EmailSettings email = settings.email();
    WebhookSettings webhook = settings.webhook();
    String password = email == null || email.passwordEnv() == null ? null : environment.get(email.passwordEnv());
    String url = webhook == null ? null : webhook.url() != null ? webhook.url() : environment.get(webhook.urlEnv());
    Redaction redaction = new Redaction(secrets(password, url));
    Consumer<String> safeLog = line -> log.accept(redaction.apply(line));
    List<NoticeChannel> channels = new ArrayList<>();
    if (email != null) {
      if (email.passwordEnv() != null && (password == null || password.isEmpty())) {
        safeLog.accept("notifications: email is off: the variable " + email.passwordEnv()
            + " that holds the SMTP password is not set");
      } else {
        channels.add(new EmailChannel(email, password, new VoterAddresses(settings.addresses(), directory),
            safeLog));
      }
    }
    if (webhook != null) {
      String where = webhook.url() != null ? "'url'" : "the variable " + webhook.urlEnv();
      if (url == null || url.isBlank()) {
        safeLog.accept("notifications: the webhook is off: " + where + " is not set");
      } else if (NotificationRules.checkWebhookUrl("url", url) != null) {
        safeLog.accept("notifications: the webhook is off: " + where
            + " is not an absolute http or https URL (not shown: it may hold a token)");
      } else {
        channels.add(new WebhookChannel(URI.create(url), Duration.ofSeconds(webhook.timeoutSeconds())));
      }
    }
    return new NotificationDispatcher(channels, retries, safeLog, redaction, flushTimeout);
  }

  /** The password, the webhook URL and the parts of it that carry a token (path, query, user info). */
  static List<String> secrets(String password, String url) {
    List<String> secrets = new ArrayList<>();
    secrets.add(password);
    if (url != null) {
      secrets.add(url);
      try {
        URI uri = new URI(url);
        for (String part : new String[] {uri.getRawPath(), uri.getPath(), uri.getRawQuery(), uri.getQuery(),
            uri.getRawUserInfo(), uri.getUserInfo()}) {
          if (part != null && part.length() > 1) {
            secrets.add(part);
          }
        }
      } catch (java.net.URISyntaxException e) {
        // the whole URL is masked; it is not used
      }
    }
    return secrets;
  }
}
