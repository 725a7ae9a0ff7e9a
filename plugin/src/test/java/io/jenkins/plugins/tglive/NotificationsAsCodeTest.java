package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class NotificationsAsCodeTest {

  @Test
  @ConfiguredWithCode("configuration-as-code-notifications.yml")
  void notificationsAreConfiguredFromYaml(JenkinsConfiguredWithCodeRule r) {
    assertThat(TerragruntLiveConfiguration.get().toNotificationSettings()).isEqualTo(new NotificationSettings(
        new EmailSettings("smtp.example.com", 2525, "tglive@example.com", EmailSettings.Tls.NONE, "tglive",
            "TGLIVE_SMTP_PASSWORD"),
        new WebhookSettings(null, "TGLIVE_WEBHOOK_URL", 5),
        Map.of("alice", "alice@example.com")));
  }
}
