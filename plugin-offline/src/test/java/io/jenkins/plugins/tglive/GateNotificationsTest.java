package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.approval.notify.GateNotifier;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.WebhookSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateNotificationsTest {

  @Test
  void theDispatcherIsKeptWhileTheSettingsStayTheSameAndRemadeWhenTheyChange() {
    NotificationSettings webhook = new NotificationSettings(null,
        new WebhookSettings("http://127.0.0.1:9/hook", null, 1), Map.of());
    GateNotifier first = GateNotifications.INSTANCE.current(NotificationSettings.NONE, Map.of());
    assertThat(GateNotifications.INSTANCE.current(new NotificationSettings(null, null, Map.of()), Map.of()))
        .isSameAs(first);
    GateNotifier changed = GateNotifications.INSTANCE.current(webhook, Map.of());
    assertThat(changed).isNotSameAs(first);
    assertThat(GateNotifications.INSTANCE.current(webhook, Map.of())).isSameAs(changed);
    assertThat(GateNotifications.INSTANCE.current(webhook, Map.of("TGLIVE_JENKINS_WEBHOOK_URL", "http://127.0.0.1:9/b")))
        .as("a credential's secret changed").isNotSameAs(changed);
  }
}
