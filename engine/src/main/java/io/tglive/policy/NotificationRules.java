package io.tglive.policy;

import io.tglive.report.ControlCharacters;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The rules every notification setting obeys, wherever it comes from ({@code .tglive.yaml}, the
 * Jenkins form, configuration as code). Each check returns the problem as a message naming the
 * setting, or null when the value is fine; secrets and URLs are never quoted in a message.
 */
public final class NotificationRules {

  /** Environment variables that settings may name start with this. */
  public static final String VARIABLE_PREFIX = "TGLIVE_";

  private static final Pattern VARIABLE = Pattern.compile("TGLIVE_[A-Z0-9_]+");

  private static final Pattern ADDRESS =
      Pattern.compile("[^\\s@<>()\\[\\],;:\"\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*|\\[[0-9A-Fa-f:.]+]");

  /** The longest webhook timeout, in seconds. */
  public static final int MAX_TIMEOUT_SECONDS = 300;

  private NotificationRules() {}

  /** An email address such as {@code alice@example.com}. */
  public static String checkAddress(String key, String value) {
    return value != null && ADDRESS.matcher(value).matches() ? null
        : "'" + key + "' must be an email address like name@example.com, not '" + shown(value) + "'";
  }

  /** Whether a voter id is itself an email address (then it needs no entry in {@code addresses}). */
  public static boolean isAddress(String voter) {
    return voter != null && ADDRESS.matcher(voter).matches();
  }

  /**
   * A voter id that an address can be given for: a user, or {@code group:NAME} (the group's fallback,
   * told when its members cannot be listed or have no address).
   */
  public static String checkVoterId(String voter) {
    if (voter == null || voter.isBlank()) {
      return "'addresses' has an empty voter id";
    }
    return voter.startsWith("group:") && voter.substring("group:".length()).isBlank()
        ? "'addresses' gives an address for '" + shown(voter) + "', a group without a name"
        : null;
  }

  /** A host name or a bracketed IPv6 address. */
  public static String checkHost(String key, String value) {
    return value != null && HOST.matcher(value).matches() ? null
        : "'" + key + "' must be a host name such as smtp.example.com, not '" + shown(value) + "'";
  }

  /** A TCP port. */
  public static String checkPort(String key, int port) {
    return port >= 1 && port <= 65535 ? null : "'" + key + "' must be a port from 1 to 65535, not " + port;
  }

  /** A login is a username and the variable holding its password, or neither. */
  public static String checkLogin(String username, String passwordEnv) {
    if (username == null && passwordEnv == null) {
      return null;
    }
    if (username == null || username.isBlank()) {
      return "'passwordEnv' needs a 'username'";
    }
    if (passwordEnv == null) {
      return "'username' needs a 'passwordEnv' naming the variable that holds the password";
    }
    return checkVariable("passwordEnv", passwordEnv);
  }

  /**
   * An environment variable a setting takes a secret from. Only {@value #VARIABLE_PREFIX} names are
   * allowed, so a settings file cannot send another secret of the environment (a cloud key, say)
   * to a server it names.
   */
  public static String checkVariable(String key, String name) {
    return name != null && VARIABLE.matcher(name).matches() ? null
        : "'" + key + "' must name an environment variable starting with " + VARIABLE_PREFIX
            + " (such as TGLIVE_SMTP_PASSWORD), not '" + shown(name) + "'";
  }

  /** A webhook takes its URL from exactly one of {@code url} and {@code urlEnv}. */
  public static String checkWebhookSource(String url, String urlEnv) {
    if ((url == null) == (urlEnv == null)) {
      return "a webhook needs exactly one of 'url' and 'urlEnv'";
    }
    return url != null ? checkWebhookUrl("url", url) : checkVariable("urlEnv", urlEnv);
  }

  /** An absolute {@code http} or {@code https} URL with a host; the URL is not quoted (it may hold a token). */
  public static String checkWebhookUrl(String key, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return null;
      }
    } catch (URISyntaxException e) {
      // reported below, without the URL
    }
    return "'" + key + "' must be an absolute http or https URL (not shown: it may hold a token)";
  }

  /** A timeout in seconds. */
  public static String checkTimeout(String key, int seconds) {
    return seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS ? null
        : "'" + key + "' must be from 1 to " + MAX_TIMEOUT_SECONDS + " seconds, not " + seconds;
  }

  /** {@code https://hooks.example.com/…}: a URL with its path, query and user info hidden. */
  public static String redactUrl(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() != null && uri.getHost() != null) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
      }
    } catch (URISyntaxException e) {
      // falls through
    }
    return "(a URL, hidden)";
  }

  /** Throws the problem, if there is one, as an {@link IllegalArgumentException}. */
  static void require(String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  private static String shown(String value) {
    return value == null ? "" : ControlCharacters.escape(value);
  }
}
