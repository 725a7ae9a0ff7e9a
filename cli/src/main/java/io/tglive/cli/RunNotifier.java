package io.tglive.cli;

import io.tglive.approval.notify.GateNotice;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.approval.notify.NotificationDispatcher;
import io.tglive.approval.notify.Notifications;
import io.tglive.approval.notify.VoterDirectory;
import io.tglive.policy.NotificationSettings;
import io.tglive.policy.SettingsAtCommit;
import io.tglive.policy.SettingsException;
import io.tglive.run.state.RunHeader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The gate notifications of {@code tglive run}: the {@code notifications:} of {@code .tglive.yaml}
 * at the run's base commit, secrets from the environment, problems printed as warnings. A
 * terminal knows no groups, so {@code group:} voters are not notified by email.
 */
final class RunNotifier implements GateNotifier, AutoCloseable {

  private final RunHeader header;
  private final PrintWriter err;
  private NotificationDispatcher dispatcher;

  private RunNotifier(RunHeader header, PrintWriter err) {
    this.header = header;
    this.err = err;
  }

  /**
   * The notifier of a run. Nothing is read until the first gate opens, so a run without gates pays
   * nothing; settings that cannot be read then notify nobody, with a warning.
   */
  static RunNotifier open(RunHeader header, PrintWriter err) {
    return new RunNotifier(header, err);
  }

  private synchronized NotificationDispatcher dispatcher() {
    if (dispatcher == null) {
      Consumer<String> warn = line -> {
        synchronized (err) {
          err.println("warning: " + line);
          err.flush();
        }
      };
      NotificationSettings settings = NotificationSettings.NONE;
      try {
        settings = SettingsAtCommit.read(Path.of(header.repo()), header.baseCommit()).notifications();
      } catch (IOException | SettingsException | RuntimeException e) {
        warn.accept("notifications: off, the settings at the base commit cannot be read: "
            + String.valueOf(e.getMessage()).replace("\n", "; "));
      }
      dispatcher = Notifications.from(settings, System.getenv(), VoterDirectory.NONE, warn);
    }
    return dispatcher;
  }

  /** Tells the voters of a gate that it opened; returns at once. */
  @Override
  public void gateOpened(GateNotice notice) {
    dispatcher().gateOpened(notice);
  }

  /** Waits a bounded time for notifications still being sent. */
  @Override
  public synchronized void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
  }
}
