package io.jenkins.plugins.tglive;

import io.tglive.approval.notify.GateNotice;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.approval.notify.NotificationDispatcher;
import io.tglive.approval.notify.Notifications;
import io.tglive.policy.NotificationSettings;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's gate notifier: one dispatcher for the global configuration's notification
 * settings, made again (and the previous one closed in the background) when they change. Secrets
 * come from Jenkins credentials ({@link NotificationCredentials}) or the controller's environment;
 * {@code group:} voters are not expanded (Jenkins cannot list a group's members), so only listed users
 * and configured addresses are notified.
 */
final class GateNotifications implements GateNotifier {

  static final GateNotifications INSTANCE = new GateNotifications();

  private static final Logger LOGGER = Logger.getLogger(GateNotifications.class.getName());

  private NotificationSettings settings;
  private Map<String, String> environment;
  private NotificationDispatcher dispatcher;

  private GateNotifications() {}

  @Override
  public void gateOpened(GateNotice notice) {
    NotificationCredentials.Resolved resolved = NotificationCredentials.resolve(
        TerragruntLiveConfiguration.get().getNotifications(), System.getenv(), JenkinsCredentials::find,
        GateNotifications::warn);
    current(resolved.settings(), resolved.environment()).gateOpened(notice);
  }

  /**
   * The dispatcher for {@code wanted} reading its secrets from {@code variables}, made when either
   * differs from the last ones (a credential changed, say).
   */
  synchronized GateNotifier current(NotificationSettings wanted, Map<String, String> variables) {
    if (dispatcher == null || !wanted.equals(settings) || !variables.equals(environment)) {
      NotificationDispatcher previous = dispatcher;
      dispatcher = Notifications.from(wanted, variables, group -> Set.of(), GateNotifications::warn);
      settings = wanted;
      environment = variables;
      if (previous != null) {
        BuildRuns.WORK.execute(previous::close);
      }
    }
    return dispatcher;
  }

  private static void warn(String line) {
    LOGGER.log(Level.WARNING, "tgApprovalGate notifications: {0}", line);
  }
}
