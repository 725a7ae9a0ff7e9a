package io.tglive.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class NotificationSettingsTest {

  private static final String FILE = ".tglive.yaml";

  @Test
  void fullSectionIsRead() throws Exception {
    RepoSettings settings = RepoSettings.parse(FILE, """
        accounts:
          - {name: prod, path: live/prod, voters: [alice, bob]}
        notifications:
          email:
            host: smtp.example.com
            port: 2525
            from: tglive@example.com
            tls: tls
            username: tglive
            passwordEnv: TGLIVE_SMTP_PASSWORD
          webhook:
            urlEnv: TGLIVE_WEBHOOK_URL
            timeoutSeconds: 5
          addresses:
            alice: alice@example.com
            bob: bob.smith@mail.example.org
        """);

    NotificationSettings notifications = settings.notifications();
    assertThat(notifications.email()).isEqualTo(new EmailSettings("smtp.example.com", 2525, "tglive@example.com",
        EmailSettings.Tls.TLS, "tglive", "TGLIVE_SMTP_PASSWORD"));
    assertThat(notifications.webhook()).isEqualTo(new WebhookSettings(null, "TGLIVE_WEBHOOK_URL", 5));
    assertThat(notifications.addresses())
        .containsExactly(Map.entry("alice", "alice@example.com"), Map.entry("bob", "bob.smith@mail.example.org"));
  }

  @Test
  void emailDefaultsToStarttlsOnPort587AndWebhookToTenSeconds() throws Exception {
    NotificationSettings notifications = RepoSettings.parse(FILE, """
        notifications:
          email: {host: smtp.example.com, from: tglive@example.com}
          webhook: {url: "https://hooks.example.com/services/T0/B0/secret"}
        """).notifications();

    assertThat(notifications.email().tls()).isEqualTo(EmailSettings.Tls.STARTTLS);
    assertThat(notifications.email().port()).isEqualTo(587);
    assertThat(notifications.email().username()).isNull();
    assertThat(notifications.webhook().timeoutSeconds()).isEqualTo(10);
  }

  @Test
  void withoutTheSectionNothingIsNotified() throws Exception {
    assertThat(RepoSettings.parse(FILE, "ignore: []\n").notifications()).isEqualTo(NotificationSettings.NONE);
    assertThat(RepoSettings.parse(FILE, "notifications:\n").notifications().any()).isFalse();
  }

  static Stream<Arguments> badSections() {
    return Stream.of(
        Arguments.of("notifications: [email]\n",
            ".tglive.yaml:1:16: 'notifications' must be a mapping with the keys email, webhook, addresses"),
        Arguments.of("notifications:\n  mail: {}\n",
            ".tglive.yaml:2:3: unknown notifications key 'mail' (known keys: email, webhook, addresses)"),
        Arguments.of("notifications:\n  email: {host: smtp.example.com, from: me@example.com, pasword: x}\n",
            ".tglive.yaml:2:57: unknown email key 'pasword' (known keys: host, port, from, tls, username, passwordEnv)"),
        Arguments.of("notifications:\n  email: {from: me@example.com}\n",
            ".tglive.yaml:2:10: 'email' needs a 'host'"),
        Arguments.of("notifications:\n  email: {host: smtp.example.com}\n",
            ".tglive.yaml:2:10: 'email' needs a 'from' address"),
        Arguments.of("notifications:\n  email: {host: 'smtp example', from: me@example.com}\n",
            ".tglive.yaml:2:17: 'host' must be a host name such as smtp.example.com, not 'smtp example'"),
        Arguments.of("notifications:\n  email:\n    host: smtp.example.com\n    from: me@example.com\n    port: 70000\n",
            ".tglive.yaml:5:11: 'port' must be a port from 1 to 65535, not 70000"),
        Arguments.of("notifications:\n  email:\n    host: smtp.example.com\n    from: me@example.com\n    port: many\n",
            ".tglive.yaml:5:11: 'port' must be a whole number, not 'many'"),
        Arguments.of("notifications:\n  email: {host: smtp.example.com, from: 'not an address'}\n",
            ".tglive.yaml:2:41: 'from' must be an email address like name@example.com, not 'not an address'"),
        Arguments.of("notifications:\n  email: {host: smtp.example.com, from: me@example.com, tls: ssl}\n",
            ".tglive.yaml:2:62: 'tls' must be starttls, tls or none, not 'ssl'"),
        Arguments.of("notifications:\n  email: {host: smtp.example.com, from: me@example.com, username: bot}\n",
            ".tglive.yaml:2:57: 'username' needs a 'passwordEnv' naming the variable that holds the password"),
        Arguments.of("notifications:\n  email:\n    host: smtp.example.com\n    from: me@example.com\n"
                + "    passwordEnv: TGLIVE_SMTP\n",
            ".tglive.yaml:5:5: 'passwordEnv' needs a 'username'"),
        Arguments.of("notifications:\n  email:\n    host: smtp.example.com\n    from: me@example.com\n"
                + "    username: bot\n    passwordEnv: AWS_SECRET_ACCESS_KEY\n",
            ".tglive.yaml:6:18: 'passwordEnv' must name an environment variable starting with TGLIVE_ "
                + "(such as TGLIVE_SMTP_PASSWORD), not 'AWS_SECRET_ACCESS_KEY'"),
        Arguments.of("notifications:\n  webhook: {timeoutSeconds: 5}\n",
            ".tglive.yaml:2:12: a webhook needs exactly one of 'url' and 'urlEnv'"),
        Arguments.of("notifications:\n  webhook: {url: 'https://h.example.com/x', urlEnv: TGLIVE_HOOK}\n",
            ".tglive.yaml:2:12: a webhook needs exactly one of 'url' and 'urlEnv'"),
        Arguments.of("notifications:\n  webhook: {url: 'ftp://h.example.com/T0/s3cr3t'}\n",
            ".tglive.yaml:2:18: 'url' must be an absolute http or https URL (not shown: it may hold a token)"),
        Arguments.of("notifications:\n  webhook: {urlEnv: HOME}\n",
            ".tglive.yaml:2:21: 'urlEnv' must name an environment variable starting with TGLIVE_ "
                + "(such as TGLIVE_SMTP_PASSWORD), not 'HOME'"),
        Arguments.of("notifications:\n  webhook: {urlEnv: TGLIVE_HOOK, timeoutSeconds: 0}\n",
            ".tglive.yaml:2:50: 'timeoutSeconds' must be from 1 to 300 seconds, not 0"),
        Arguments.of("notifications:\n  addresses: [alice]\n",
            ".tglive.yaml:2:14: 'addresses' must be a mapping of voter id to email address"),
        Arguments.of("notifications:\n  addresses: {alice: alice}\n",
            ".tglive.yaml:2:22: 'addresses.alice' must be an email address like name@example.com, not 'alice'"),
        Arguments.of("notifications:\n  addresses: {'group:': leads@example.com}\n",
            ".tglive.yaml:2:15: 'addresses' gives an address for 'group:', a group without a name"),
        Arguments.of("notifications:\n  addresses: {alice: a@example.com, alice: b@example.com}\n",
            ".tglive.yaml:2:37: duplicate key 'alice'"));
  }

  @ParameterizedTest
  @MethodSource("badSections")
  void badSettingIsReportedWhereItIsWritten(String yaml, String message) {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, yaml))
        .isInstanceOf(SettingsException.class)
        .hasMessage(message);
  }

  @Test
  void webhookUrlIsNeverQuotedInAnErrorNorInToString() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, "notifications:\n  webhook: {url: 'hooks/T0/s3cr3t'}\n"))
        .hasMessageNotContaining("s3cr3t");
    WebhookSettings webhook = new WebhookSettings("https://hooks.example.com/services/T0/B0/s3cr3t", null, 0);
    assertThat(webhook.toString()).doesNotContain("s3cr3t").contains("https://hooks.example.com/…");
  }

  @Test
  void recordsApplyTheSameRulesAsTheFile() {
    assertThatThrownBy(() -> new EmailSettings("smtp.example.com", 0, "me@example.com", null, "bot", "PASSWORD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'passwordEnv' must name an environment variable starting with TGLIVE_");
    assertThatThrownBy(() -> new NotificationSettings(null, null, Map.of("bob", "bob")))
        .hasMessage("'addresses.bob' must be an email address like name@example.com, not 'bob'");
    assertThat(new EmailSettings("smtp.example.com", 0, "me@example.com", EmailSettings.Tls.NONE, null, null).port())
        .isEqualTo(25);
  }
}
