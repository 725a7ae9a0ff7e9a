package io.tglive.policy;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who is told when an approval gate opens, and how: the {@code notifications:} section of
 * {@code .tglive.yaml} or the Jenkins global configuration. Holds no secret, only the names of the
 * environment variables that carry them (see {@link NotificationRules#checkVariable}).
 *
 * @param email     the SMTP server messages go through; null sends no email
 * @param webhook   the generic webhook told as JSON; null calls none
 * @param addresses voter id to email address, for voters whose id is not an address
 */
public record NotificationSettings(EmailSettings email, WebhookSettings webhook, Map<String, String> addresses) {

  /** No notifications. */
  public static final NotificationSettings NONE = new NotificationSettings(null, null, Map.of());

  /**
   * @throws IllegalArgumentException when an address is not one, naming the voter
   */
  public NotificationSettings {
    addresses = new TreeMap<>(Objects.requireNonNull(addresses, "addresses"));
    for (Map.Entry<String, String> entry : addresses.entrySet()) {
      NotificationRules.require(NotificationRules.checkVoterId(entry.getKey()));
      NotificationRules.require(NotificationRules.checkAddress("addresses." + entry.getKey(), entry.getValue()));
    }
    addresses = java.util.Collections.unmodifiableMap(addresses);
  }

  /** Whether any channel is configured. */
  public boolean any() {
    return email != null || webhook != null;
  }
}
