package io.jenkins.plugins.tglive;

import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;

/**
 * A step that waits holding no thread, like {@code sleep}: it checks every {@value #POLL_SECONDS} s on
 * Jenkins' timer, never on the CPS VM thread, until {@link #poll} ends it; {@link #onResume} re-arms
 * the check after a restart (what it waits for is on disk). While it waits, its flow node carries a
 * {@link PauseAction} (cause {@value #PAUSE_CAUSE}), as {@code input}'s does, so pipeline-graph-view and
 * Blue Ocean show the branch paused rather than running; the pause ends when the step does.
 */
abstract class PollingExecution extends StepExecution {

  private static final long serialVersionUID = 1L;
  private static final Logger LOGGER = Logger.getLogger(PollingExecution.class.getName());
  static final long POLL_SECONDS = 2;
  static final String PAUSE_CAUSE = "Approval";

  private boolean settled;
  private transient volatile ScheduledFuture<?> task;

  PollingExecution(StepContext context) {
    super(context);
  }

  /** Checks once: ends the step through its context and returns true, or returns false to check again. */
  abstract boolean poll() throws Exception;

  /** Ends the step when {@link #poll} throws. */
  abstract void failed(Exception e);

  /** Marks the step paused and starts checking now. */
  final void startPolling() {
    pause(true);
    schedule(0);
  }

  /** Records that the step ended without waiting. */
  final void settle() {
    settled = true;
  }

  @Override
  public void onResume() {
    if (!settled) {
      schedule(0);
    }
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    ScheduledFuture<?> running = task;
    if (running != null) {
      running.cancel(false);
    }
    settled = true;
    pause(false);
    getContext().onFailure(cause);
  }

  private void schedule(long delaySeconds) {
    task = Timer.get().schedule(this::check, delaySeconds, TimeUnit.SECONDS);
  }

  private synchronized void check() {
    if (settled) {
      return;
    }
    try {
      if (poll()) {
        settled = true;
        pause(false);
      } else {
        schedule(POLL_SECONDS);
      }
    } catch (Exception e) {
      settled = true;
      pause(false);
      failed(e);
    }
  }

  /**
   * Starts or ends the pause of the step's flow node; a pause already in that state is left alone (a
   * restart keeps the node's actions). Only the display depends on it: a failure is logged, never thrown.
   */
  private void pause(boolean paused) {
    try {
      FlowNode node = getContext().get(FlowNode.class);
      if (node == null || PauseAction.isPaused(node) == paused) {
        return;
      }
      if (paused) {
        node.addAction(new PauseAction(PAUSE_CAUSE));
      } else {
        PauseAction.endCurrentPause(node);
      }
    } catch (IOException | RuntimeException e) {
      LOGGER.log(Level.WARNING, "cannot " + (paused ? "mark" : "end") + " the pause of " + getContext(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
