package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Descriptor.FormException;
import hudson.util.FormValidation;
import io.tglive.policy.EmailSettings;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.StaplerRequest2;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;

/** The notification settings of the global configuration, bound from the form as Stapler binds them. */
class NotificationConfigTest {

  private final TerragruntLiveConfiguration config = mock(TerragruntLiveConfiguration.class, CALLS_REAL_METHODS);
  private final StaplerRequest2 request = StaplerBinding.request();

  @Test
  void submittedSectionIsBoundAndConvertedToTheEngineSettings() throws Exception {
    doNothing().when(config).save();
    JSONObject form = JSONObject.fromObject("""
        {"accounts": [],
         "notifications": {"smtpHost": "smtp.example.com", "smtpPort": "0", "tls": "tls",
           "from": "tglive@example.com", "username": "tglive", "passwordEnv": "TGLIVE_SMTP_PASSWORD",
           "webhookUrlEnv": "TGLIVE_WEBHOOK_URL", "webhookTimeoutSeconds": "5",
           "addresses": "alice=alice@example.com\\n\\n bob = bob@example.org "}}
        """);

    assertThat(config.configure(request, form)).isTrue();

    assertThat(config.toNotificationSettings()).isEqualTo(new NotificationSettings(
        new EmailSettings("smtp.example.com", 465, "tglive@example.com", EmailSettings.Tls.TLS, "tglive",
            "TGLIVE_SMTP_PASSWORD"),
        new WebhookSettings(null, "TGLIVE_WEBHOOK_URL", 5),
        Map.of("alice", "alice@example.com", "bob", "bob@example.org")));
    verify(config).save();
  }

  @Test
  void uncheckedSectionMeansNoNotifications() throws Exception {
    doNothing().when(config).save();
    NotificationConfig before = new NotificationConfig();
    before.setWebhookUrlEnv("TGLIVE_HOOK");
    config.setNotifications(before);

    config.configure(request, JSONObject.fromObject("{\"accounts\": []}"));

    assertThat(config.getNotifications()).isNull();
    assertThat(config.toNotificationSettings()).isEqualTo(NotificationSettings.NONE);
  }

  @Test
  void invalidSectionIsRefusedWithTheEnginesMessageAndNothingIsSaved() {
    JSONObject form = JSONObject.fromObject("""
        {"accounts": [{"name": "dev", "path": "live/dev", "voters": "alice"}],
         "notifications": {"smtpHost": "smtp.example.com", "from": "tglive@example.com",
           "username": "bot", "passwordEnv": "AWS_SECRET_ACCESS_KEY"}}
        """);
    List<List<?>> arguments = new ArrayList<>();
    try (MockedConstruction<FormException> constructed = mockConstruction(FormException.class, (e, context) -> {
      arguments.add(context.arguments());
      when(e.getStackTrace()).thenReturn(new StackTraceElement[0]);
    })) {
      assertThatThrownBy(() -> config.configure(request, form)).isInstanceOf(FormException.class);
    }

    assertThat(arguments).containsExactly(List.of("'passwordEnv' must name an environment variable starting with "
        + "TGLIVE_ (such as TGLIVE_SMTP_PASSWORD), not 'AWS_SECRET_ACCESS_KEY'", "notifications"));
    assertThat(config.getAccounts()).isEmpty();
    verify(config, never()).save();
  }

  @Test
  void settersRefuseWhatTheEngineRefuses() {
    NotificationConfig half = new NotificationConfig();
    half.setFrom("tglive@example.com");
    NotificationConfig badAddress = new NotificationConfig();
    badAddress.setAddresses(List.of("alice"));
    NotificationConfig badTls = new NotificationConfig();
    badTls.setSmtpHost("smtp.example.com");
    badTls.setFrom("tglive@example.com");
    badTls.setTls("ssl");

    assertThatThrownBy(() -> config.setNotifications(half)).hasMessage("email needs an SMTP host");
    assertThatThrownBy(badAddress::toSettings).hasMessage("'addresses' entry 'alice' must be written id=address");
    assertThatThrownBy(badTls::toSettings).hasMessage("'tls' must be starttls, tls or none, not 'ssl'");
    assertThat(config.getNotifications()).isNull();
  }

  @Test
  void formChecksUseTheEngineRules() {
    NotificationConfig.DescriptorImpl descriptor = mock(NotificationConfig.DescriptorImpl.class, CALLS_REAL_METHODS);
    try (MockedStatic<FormValidation> validation = mockStatic(FormValidation.class)) {
      descriptor.doCheckWebhookUrlEnv("HOME");
      descriptor.doCheckFrom("tglive@example.com");

      validation.verify(() -> FormValidation.error("'webhookUrlEnv' must name an environment variable starting with "
          + "TGLIVE_ (such as TGLIVE_SMTP_PASSWORD), not 'HOME'"));
      validation.verify(FormValidation::ok);
    }
  }
}
