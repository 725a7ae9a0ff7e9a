package io.tglive.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the {@code notifications:} section of {@code .tglive.yaml} key by key with the
 * {@link SettingsParser}'s node helpers, checking each value by the {@link NotificationRules} where
 * it is written, so a problem is reported at its {@code file:line:column}.
 */
final class NotificationsSection {

  private static final List<String> KEYS = List.of("email", "webhook", "addresses");
  private static final List<String> EMAIL_KEYS = List.of("host", "port", "from", "tls", "username", "passwordEnv");
  private static final List<String> WEBHOOK_KEYS = List.of("url", "urlEnv", "timeoutSeconds");

  private final SettingsParser parser;

  NotificationsSection(SettingsParser parser) {
    this.parser = parser;
  }

  NotificationSettings read(Node value) throws SettingsException {
    if (SettingsParser.isNull(value)) {
      return NotificationSettings.NONE;
    }
    Map<String, NodeTuple> entries = mapping("notifications", value, KEYS);
    EmailSettings email = null;
    WebhookSettings webhook = null;
    Map<String, String> addresses = Map.of();
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      Node node = entry.getValue().getValueNode();
      if (SettingsParser.isNull(node)) {
        continue;
      }
      switch (entry.getKey()) {
        case "email" -> email = email(node);
        case "webhook" -> webhook = webhook(node);
        default -> addresses = addresses(node);
      }
    }
    return new NotificationSettings(email, webhook, addresses);
  }

  private EmailSettings email(Node node) throws SettingsException {
    Map<String, NodeTuple> entries = mapping("email", node, EMAIL_KEYS);
    String host = string(entries, "host", v -> NotificationRules.checkHost("host", v));
    String from = string(entries, "from", v -> NotificationRules.checkAddress("from", v));
    EmailSettings.Tls tls = tls(entries);
    int port = number(entries, "port", v -> NotificationRules.checkPort("port", v));
    String username = string(entries, "username", v -> v.isBlank() ? "'username' is empty" : null);
    String passwordEnv = string(entries, "passwordEnv", v -> NotificationRules.checkVariable("passwordEnv", v));
    require(node, host == null ? "'email' needs a 'host'" : from == null ? "'email' needs a 'from' address" : null);
    String login = NotificationRules.checkLogin(username, passwordEnv);
    require(node(entries, username == null ? "passwordEnv" : "username", node), login);
    return new EmailSettings(host, port, from, tls, username, passwordEnv);
  }

  private EmailSettings.Tls tls(Map<String, NodeTuple> entries) throws SettingsException {
    String tls = string(entries, "tls", EmailSettings.Tls::check);
    return tls == null ? EmailSettings.Tls.STARTTLS : EmailSettings.Tls.named(tls);
  }

  private WebhookSettings webhook(Node node) throws SettingsException {
    Map<String, NodeTuple> entries = mapping("webhook", node, WEBHOOK_KEYS);
    String url = string(entries, "url", v -> NotificationRules.checkWebhookUrl("url", v));
    String urlEnv = string(entries, "urlEnv", v -> NotificationRules.checkVariable("urlEnv", v));
    int timeout = number(entries, "timeoutSeconds", v -> NotificationRules.checkTimeout("timeoutSeconds", v));
    require(node, NotificationRules.checkWebhookSource(url, urlEnv));
    return new WebhookSettings(url, urlEnv, timeout);
  }

  private Map<String, String> addresses(Node node) throws SettingsException {
    if (!(node instanceof MappingNode mapping)) {
      throw parser.problem(node, "'addresses' must be a mapping of voter id to email address");
    }
    Map<String, String> addresses = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> entry : parser.entries(mapping).entrySet()) {
      require(entry.getValue().getKeyNode(), NotificationRules.checkVoterId(entry.getKey()));
      Node value = entry.getValue().getValueNode();
      String address = parser.scalar(entry.getKey(), value);
      require(value, NotificationRules.checkAddress("addresses." + entry.getKey(), address));
      addresses.put(entry.getKey(), address);
    }
    return addresses;
  }

  /** A mapping's entries, every key one of {@code known}. */
  private Map<String, NodeTuple> mapping(String name, Node node, List<String> known) throws SettingsException {
    if (!(node instanceof MappingNode mapping)) {
      throw parser.problem(node, "'" + name + "' must be a mapping with the keys " + String.join(", ", known));
    }
    Map<String, NodeTuple> entries = parser.entries(mapping);
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!known.contains(entry.getKey())) {
        throw parser.problem(entry.getValue().getKeyNode(), "unknown " + name + " key '" + entry.getKey()
            + "' (known keys: " + String.join(", ", known) + ")");
      }
    }
    return entries;
  }

  /** A single value checked where it is written; null when absent. */
  private String string(Map<String, NodeTuple> entries, String key, Function<String, String> check)
      throws SettingsException {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || SettingsParser.isNull(tuple.getValueNode())) {
      return null;
    }
    String value = parser.scalar(key, tuple.getValueNode());
    require(tuple.getValueNode(), check.apply(value));
    return value;
  }

  /** A whole number checked where it is written; 0 (the default) when absent. */
  private int number(Map<String, NodeTuple> entries, String key, java.util.function.IntFunction<String> check)
      throws SettingsException {
    NodeTuple tuple = entries.get(key);
    if (tuple == null || SettingsParser.isNull(tuple.getValueNode())) {
      return 0;
    }
    int value = parser.count(key, tuple.getValueNode());
    require(tuple.getValueNode(), check.apply(value));
    return value;
  }

  private static Node node(Map<String, NodeTuple> entries, String key, Node fallback) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? fallback : tuple.getKeyNode();
  }

  private void require(Node node, String problem) throws SettingsException {
    if (problem != null) {
      throw parser.problem(node, problem);
    }
  }
}
