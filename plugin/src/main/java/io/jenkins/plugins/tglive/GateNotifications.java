package io.jenkins.plugins.tglive;

import io.tglive.approval.notify.GateNotice;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.approval.notify.NotificationDispatcher;
import io.tglive.approval.notify.Notifications;
import io.tglive.policy.NotificationSettings;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The controller's gate notifier: one dispatcher for the global configuration's notification
 * settings, made again (and the previous one closed in the background) when they change. Secrets
 * come from Jenkins credentials ({@link NotificationCredentials}) or the controller's environment;
 * voters are looked up in {@link JenkinsVoterDirectory} (groups through the security realm, users'
 * addresses through the mailer plugin).
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
    gateOpened(notice, line -> { });
  }

  /** Notifies the voters; lines about this notice (who could not be told, failed deliveries) also go to {@code buildLog}. */
  void gateOpened(GateNotice notice, Consumer<String> buildLog) {
    NotificationCredentials.Resolved resolved = NotificationCredentials.resolve(
        TerragruntLiveConfiguration.get().getNotifications(), System.getenv(), JenkinsCredentials::find,
        GateNotifications::warn);
    current(resolved.settings(), resolved.environment()).gateOpened(notice, buildLog);
  }

  /**
   * The dispatcher for {@code wanted} reading its secrets from {@code variables}, made when either
   * differs from the last ones (a credential changed, say).
   */
  synchronized NotificationDispatcher current(NotificationSettings wanted, Map<String, String> variables) {
    if (dispatcher == null || !wanted.equals(settings) || !variables.equals(environment)) {
      NotificationDispatcher previous = dispatcher;
      dispatcher = Notifications.from(wanted, variables, JenkinsVoterDirectory.INSTANCE, GateNotifications::warn);
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
