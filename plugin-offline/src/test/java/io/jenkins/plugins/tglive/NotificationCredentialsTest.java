package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import hudson.util.Secret;
import io.tglive.approval.notify.GateNotice;
import io.tglive.approval.notify.NotificationDispatcher;
import io.tglive.approval.notify.Notifications;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notification secrets from Jenkins credentials: the SMTP login of a username-with-password credential
 * (used against a real SMTP server that requires it, GreenMail), the webhook URL of a secret text,
 * handed to the engine in a copy of the environment; missing credentials switch their channel off with
 * a log line naming the id.
 */
class NotificationCredentialsTest {

  private static final String PASSWORD = "smtp-credential-password";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("tglive@example.com", "tglive-bot", PASSWORD));

  private final Map<String, StandardCredentials> global = new HashMap<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private final NotificationCredentials.Lookup lookup = new NotificationCredentials.Lookup() {
    @Override
    public <C extends StandardCredentials> C find(Class<C> type, String id) {
      StandardCredentials found = global.get(id);
      return type.isInstance(found) ? type.cast(found) : null;
    }
  };

  private NotificationConfig config() {
    NotificationConfig config = new NotificationConfig();
    config.setSmtpHost("127.0.0.1");
    config.setSmtpPort(SMTP.getSmtp().getPort());
    config.setTls("none");
    config.setFrom("tglive@example.com");
    config.setSmtpCredentialsId("smtp-login");
    config.setWebhookCredentialsId("slack-hook");
    config.setAddresses(List.of("alice=alice@example.com"));
    return config;
  }

  private void store() {
    Secret password = secret(PASSWORD);
    Secret url = secret("https://hooks.example.com/services/T000/B000/XXXX");
    StandardUsernamePasswordCredentials login = mock(StandardUsernamePasswordCredentials.class);
    when(login.getUsername()).thenReturn("tglive-bot");
    when(login.getPassword()).thenReturn(password);
    StringCredentials hook = mock(StringCredentials.class);
    when(hook.getSecret()).thenReturn(url);
    global.put("smtp-login", login);
    global.put("slack-hook", hook);
  }

  @Test
  void theSmtpLoginOfTheCredentialSendsTheGateEmail() throws Exception {
    store();

    NotificationCredentials.Resolved resolved = NotificationCredentials.resolve(config(), Map.of("HOME", "/home/j"),
        lookup, log::add);
    try (NotificationDispatcher dispatcher = Notifications.from(resolved.settings(), resolved.environment(),
        group -> Set.of(), log::add)) {
      dispatcher.gateOpened(notice());
    }

    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Approval needed: live/prod/vpc (prod), PR #12");
    assertThat(log).noneMatch(line -> line.contains("email"));
  }

  @Test
  void theSecretsTravelAsTheReservedVariablesOfACopyOfTheEnvironment() {
    store();

    NotificationCredentials.Resolved resolved = NotificationCredentials.resolve(config(),
        Map.of("HOME", "/home/j", NotificationCredentials.WEBHOOK_URL, "http://from-the-process"), lookup, log::add);

    assertThat(resolved.settings()).isEqualTo(new NotificationSettings(
        new EmailSettings("127.0.0.1", SMTP.getSmtp().getPort(), "tglive@example.com", EmailSettings.Tls.NONE,
            "tglive-bot", NotificationCredentials.SMTP_PASSWORD),
        new WebhookSettings(null, NotificationCredentials.WEBHOOK_URL, 0), Map.of("alice", "alice@example.com")));
    assertThat(resolved.environment()).containsEntry("HOME", "/home/j")
        .containsEntry(NotificationCredentials.SMTP_PASSWORD, PASSWORD)
        .containsEntry(NotificationCredentials.WEBHOOK_URL, "https://hooks.example.com/services/T000/B000/XXXX");
    assertThat(resolved.toString()).doesNotContain(PASSWORD, "hooks.example.com");
  }

  @Test
  void missingCredentialsSwitchTheirChannelOffNamingTheIdAndNothingElse() {
    global.put("slack-hook", mock(StandardUsernamePasswordCredentials.class));

    NotificationCredentials.Resolved resolved = NotificationCredentials.resolve(config(),
        Map.of(NotificationCredentials.SMTP_PASSWORD, "from-the-process"), lookup, log::add);

    assertThat(resolved.settings()).isEqualTo(new NotificationSettings(null, null, Map.of("alice", "alice@example.com")));
    assertThat(resolved.environment()).doesNotContainKey(NotificationCredentials.SMTP_PASSWORD);
    assertThat(log).containsExactly(
        "notifications: email is off: no username with password credentials with id 'smtp-login' in the global"
            + " credentials (smtpCredentialsId)",
        "notifications: the webhook is off: no secret text credentials with id 'slack-hook' in the global"
            + " credentials (webhookCredentialsId)");
  }

  @Test
  void credentialsAndEnvironmentVariablesForTheSameSecretAreRefused() {
    NotificationConfig both = config();
    both.setPasswordEnv("TGLIVE_SMTP_PASSWORD");
    NotificationConfig hooks = config();
    hooks.setSmtpCredentialsId(null);
    hooks.setWebhookUrlEnv("TGLIVE_WEBHOOK_URL");
    NotificationConfig noHost = new NotificationConfig();
    noHost.setSmtpCredentialsId("smtp-login");

    assertThatThrownBy(both::toSettings)
        .hasMessage("give the SMTP login as smtpCredentialsId or as username and passwordEnv, not both");
    assertThatThrownBy(hooks::toSettings)
        .hasMessage("give the webhook URL as webhookCredentialsId or as webhookUrlEnv, not both");
    assertThatThrownBy(noHost::toSettings).hasMessage("a username, passwordEnv or smtpCredentialsId needs an SMTP host");
  }

  @Test
  void noSectionMeansNoNotificationsAndNoReservedVariables() {
    NotificationCredentials.Resolved resolved = NotificationCredentials.resolve(null,
        Map.of(NotificationCredentials.WEBHOOK_URL, "http://from-the-process"), lookup, log::add);

    assertThat(resolved.settings()).isEqualTo(NotificationSettings.NONE);
    assertThat(resolved.environment()).isEmpty();
  }

  private static Secret secret(String value) {
    Secret secret = mock(Secret.class);
    when(secret.getPlainText()).thenReturn(value);
    return secret;
  }

  private static GateNotice notice() {
    PlanSummary plan = new PlanSummary(1, 0, 0, 0, List.of("create random_pet.name"), new TreeSet<>(),
        List.of("random_pet.name"), new TreeSet<>(), List.of(),
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    return new GateNotice("20261130-101500-abc1234", "live/prod/vpc", Optional.of("prod"), "PR #12",
        "abc1234def5678abc1234def5678abc1234def56", plan, List.of("alice"),
        Optional.of(URI.create("https://jenkins.example.com/job/live/12/tglive-gates/")));
  }
}
