package io.jenkins.plugins.tglive;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step that waits holding no thread, like {@code sleep}: it checks every {@value #POLL_SECONDS} s on
 * Jenkins' timer, never on the CPS VM thread, until {@link #poll} ends it; {@link #onResume} re-arms
 * the check after a restart (what it waits for is on disk).
 */
abstract class PollingExecution extends StepExecution {

  private static final long serialVersionUID = 1L;
  static final long POLL_SECONDS = 2;

  private boolean settled;
  private transient volatile ScheduledFuture<?> task;

  PollingExecution(StepContext context) {
    super(context);
  }

  /** Checks once: ends the step through its context and returns true, or returns false to check again. */
  abstract boolean poll() throws Exception;

  /** Ends the step when {@link #poll} throws. */
  abstract void failed(Exception e);

  /** Starts checking now. */
  final void startPolling() {
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
      } else {
        schedule(POLL_SECONDS);
      }
    } catch (Exception e) {
      settled = true;
      failed(e);
    }
  }
}
