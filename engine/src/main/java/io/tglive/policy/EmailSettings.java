package io.tglive.policy;

/**
 * An SMTP server for gate notifications.
 *
 * @param host        the server's host name
 * @param port        its port, 1 to 65535
 * @param from        the sender address
 * @param tls         how the connection is secured
 * @param username    the login, or null to send without authentication
 * @param passwordEnv the environment variable holding the password (required with a username)
 */
public record EmailSettings(String host, int port, String from, Tls tls, String username, String passwordEnv) {

  /** How the SMTP connection is secured. */
  public enum Tls {
    /** Plain SMTP that must upgrade with STARTTLS (port 587 by default). */
    STARTTLS(587),
    /** SMTP inside TLS from the first byte, "SMTPS" (port 465 by default). */
    TLS(465),
    /** No encryption: only for a relay on the same host or network (port 25 by default). */
    NONE(25);

    private final int defaultPort;

    Tls(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    /** The port used when none is set. */
    public int defaultPort() {
      return defaultPort;
    }

    /** The mode written {@code starttls}, {@code tls} or {@code none}; null for any other text. */
    public static Tls named(String name) {
      return switch (name == null ? "" : name) {
        case "starttls" -> STARTTLS;
        case "tls" -> TLS;
        case "none" -> NONE;
        default -> null;
      };
    }

    /** The problem with a mode's name, or null when it names one. */
    public static String check(String name) {
      return named(name) != null ? null
          : "'tls' must be starttls, tls or none, not '" + io.tglive.report.ControlCharacters.escape(
              String.valueOf(name)) + "'";
    }
  }

  /**
   * @throws IllegalArgumentException naming the first setting that is wrong
   */
  public EmailSettings {
    if (tls == null) {
      tls = Tls.STARTTLS;
    }
    if (port == 0) {
      port = tls.defaultPort();
    }
    NotificationRules.require(NotificationRules.checkHost("host", host));
    NotificationRules.require(NotificationRules.checkPort("port", port));
    NotificationRules.require(NotificationRules.checkAddress("from", from));
    NotificationRules.require(NotificationRules.checkLogin(username, passwordEnv));
  }
}
