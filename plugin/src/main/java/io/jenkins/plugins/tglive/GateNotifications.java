package io.jenkins.plugins.tglive;

import io.tglive.approval.notify.GateNotice;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.approval.notify.NotificationDispatcher;
import io.tglive.approval.notify.Notifications;
import io.tglive.policy.NotificationSettings;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's gate notifier: one dispatcher for the global configuration's notification
 * settings, made again (and the previous one closed in the background) when they change. Secrets
 * come from the controller's environment; voters are looked up in {@link JenkinsVoterDirectory}
 * (groups through the security realm, users' addresses through the mailer plugin).
 */
final class GateNotifications implements GateNotifier {

  static final GateNotifications INSTANCE = new GateNotifications();

  private static final Logger LOGGER = Logger.getLogger(GateNotifications.class.getName());

  private NotificationSettings settings;
  private NotificationDispatcher dispatcher;

  private GateNotifications() {}

  @Override
  public void gateOpened(GateNotice notice) {
    gateOpened(notice, line -> { });
  }

  /** Notifies the voters; lines about this notice (who could not be told, failed deliveries) also go to {@code buildLog}. */
  void gateOpened(GateNotice notice, Consumer<String> buildLog) {
    current(TerragruntLiveConfiguration.get().toNotificationSettings()).gateOpened(notice, buildLog);
  }

  /** The dispatcher for {@code wanted}, made when the settings differ from the last ones. */
  synchronized NotificationDispatcher current(NotificationSettings wanted) {
    if (dispatcher == null || !wanted.equals(settings)) {
      NotificationDispatcher previous = dispatcher;
      dispatcher = Notifications.from(wanted, System.getenv(), JenkinsVoterDirectory.INSTANCE,
          line -> LOGGER.log(Level.WARNING, "tgApprovalGate notifications: {0}", line));
      settings = wanted;
      if (previous != null) {
        BuildRuns.WORK.execute(previous::close);
      }
    }
    return dispatcher;
  }
}
