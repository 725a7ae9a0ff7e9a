package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials ids set by configuration as code, resolved against the credentials JCasC created. */
@WithJenkinsConfiguredWithCode
class CredentialsAsCodeTest {

  @Test
  @ConfiguredWithCode("configuration-as-code-credentials.yml")
  void anAccountsCredentialsIdNamesGlobalAwsCredentials(JenkinsConfiguredWithCodeRule r) {
    AccountConfig prod = TerragruntLiveConfiguration.get().getAccounts().get(0);

    assertThat(prod.getCredentialsId()).isEqualTo("aws-prod");
    assertThat(JenkinsCredentials.find(AmazonWebServicesCredentials.class, "aws-prod").resolveCredentials()
        .accessKeyId()).isEqualTo("AKIAEXAMPLEPROD");
  }

  @Test
  @ConfiguredWithCode("configuration-as-code-credentials.yml")
  void notificationCredentialsResolveToTheLoginAndTheWebhookUrl(JenkinsConfiguredWithCodeRule r) {
    List<String> log = new ArrayList<>();

    NotificationCredentials.Resolved resolved = NotificationCredentials.resolve(
        TerragruntLiveConfiguration.get().getNotifications(), Map.of(), JenkinsCredentials::find, log::add);

    assertThat(resolved.settings()).isEqualTo(new NotificationSettings(
        new EmailSettings("smtp.example.com", 2525, "tglive@example.com", EmailSettings.Tls.NONE, "tglive-bot",
            NotificationCredentials.SMTP_PASSWORD),
        new WebhookSettings(null, NotificationCredentials.WEBHOOK_URL, 0), Map.of("bob", "bob@example.com")));
    assertThat(resolved.environment()).containsOnly(
        Map.entry(NotificationCredentials.SMTP_PASSWORD, "smtp-credential-password"),
        Map.entry(NotificationCredentials.WEBHOOK_URL, "https://hooks.example.com/services/T000/B000/XXXX"));
    assertThat(log).isEmpty();
  }
}
