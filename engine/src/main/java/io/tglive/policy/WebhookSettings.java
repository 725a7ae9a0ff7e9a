package io.tglive.policy;

/**
 * A generic webhook told as a JSON POST when a gate opens (a Slack incoming webhook accepts it).
 * The URL usually carries a token, so it is never printed: {@link #toString()} hides it.
 *
 * @param url            the URL itself, or null when it comes from {@code urlEnv}
 * @param urlEnv         the environment variable holding the URL, or null when {@code url} is given
 * @param timeoutSeconds longest wait for the connection and for the answer, 1 to 300
 */
public record WebhookSettings(String url, String urlEnv, int timeoutSeconds) {

  /** The timeout when none is set. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 10;

  /**
   * @throws IllegalArgumentException naming the first setting that is wrong (never quoting the URL)
   */
  public WebhookSettings {
    if (timeoutSeconds == 0) {
      timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    }
    NotificationRules.require(NotificationRules.checkWebhookSource(url, urlEnv));
    NotificationRules.require(NotificationRules.checkTimeout("timeoutSeconds", timeoutSeconds));
  }

  @Override
  public String toString() {
    return "WebhookSettings[url=" + (url == null ? "null" : NotificationRules.redactUrl(url)) + ", urlEnv=" + urlEnv
        + ", timeoutSeconds=" + timeoutSeconds + "]";
  }
}
