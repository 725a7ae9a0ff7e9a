package io.jenkins.plugins.tglive;

import io.tglive.approval.notify.GateNotice;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.approval.notify.NotificationDispatcher;
import io.tglive.approval.notify.Notifications;
import io.tglive.policy.NotificationSettings;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's gate notifier: one dispatcher for the global configuration's notification
 * settings, made again (and the previous one closed in the background) when they change. Secrets
 * come from the controller's environment; {@code group:} voters are not expanded (Jenkins cannot
 * list a group's members), so only listed users and configured addresses are notified.
 */
final class GateNotifications implements GateNotifier {

  static final GateNotifications INSTANCE = new GateNotifications();

  private static final Logger LOGGER = Logger.getLogger(GateNotifications.class.getName());

  private NotificationSettings settings;
  private NotificationDispatcher dispatcher;

  private GateNotifications() {}

  @Override
  public void gateOpened(GateNotice notice) {
    current(TerragruntLiveConfiguration.get().toNotificationSettings()).gateOpened(notice);
  }

  /** The dispatcher for {@code wanted}, made when the settings differ from the last ones. */
  synchronized GateNotifier current(NotificationSettings wanted) {
    if (dispatcher == null || !wanted.equals(settings)) {
      NotificationDispatcher previous = dispatcher;
      dispatcher = Notifications.from(wanted, System.getenv(), group -> Set.of(),
          line -> LOGGER.log(Level.WARNING, "tgApprovalGate notifications: {0}", line));
      settings = wanted;
      if (previous != null) {
        BuildRuns.WORK.execute(previous::close);
      }
    }
    return dispatcher;
  }
}
