package io.tglive.cli;

import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunListener;
import io.tglive.run.state.RunState;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Shows a run's progress on standard error: on a terminal, a status line (done of total, running,
 * waiting for approval, elapsed) rewritten in place, with a line above it for each unit that
 * finishes; elsewhere, one plain timestamped line per step.
 */
final class RunProgress implements RunListener {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final PrintWriter err;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private String status = "";
  private boolean paused;

  RunProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public synchronized void recorded(RunEvent event, RunState state) {
    String line = describe(event, state);
    if (terminal) {
      if (line != null && isFinal(event.type())) {
        clear();
        err.println(line);
      }
      status = statusLine(state);
      if (!paused) {
        err.print("\r" + status + "\u001b[K");
      }
    } else if (line != null) {
      err.println(LocalTime.now().format(CLOCK) + " " + line);
    }
    err.flush();
  }

  /** Stops drawing the status line while a prompt is on screen. */
  synchronized void pause() {
    clear();
    paused = true;
  }

  /** Draws the status line again after a prompt. */
  synchronized void resume() {
    paused = false;
    if (terminal) {
      err.print("\r" + status + "\u001b[K");
      err.flush();
    }
  }

  /** Removes the status line before the final summary. */
  synchronized void finish() {
    clear();
    err.flush();
  }

  private void clear() {
    if (terminal && !status.isEmpty()) {
      err.print("\r\u001b[K");
    }
  }

  private static boolean isFinal(EventType type) {
    return switch (type) {
      case APPLIED, NO_CHANGES, FAILED, BLOCKED, CANCELLED, GATED, RUN_RESUMED -> true;
      default -> false;
    };
  }

  private String statusLine(RunState state) {
    int done = 0;
    List<String> running = new java.util.ArrayList<>();
    List<String> approval = new java.util.ArrayList<>();
    for (UnitRecord unit : state.units().values()) {
      if (unit.status().terminal()) {
        done++;
      } else if (unit.status() == UnitStatus.AWAITING_APPROVAL) {
        approval.add(unit.path());
      } else if (unit.status() == UnitStatus.PLANNING || unit.status() == UnitStatus.APPLYING) {
        running.add(unit.path());
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return String.format("[%d/%d done] running %d%s | waiting for approval %d | %02d:%02d",
        done, state.units().size(), running.size(),
        running.isEmpty() ? "" : " (" + String.join(", ", running.subList(0, Math.min(3, running.size())))
            + (running.size() > 3 ? ", …" : "") + ")",
        approval.size(), elapsed.toMinutes(), elapsed.toSecondsPart());
  }

  private static String describe(RunEvent event, RunState state) {
    String unit = event.unit();
    return switch (event.type()) {
      case RUN_STARTED -> "run " + event.header().id() + ": " + event.header().units().size() + " unit(s)";
      case RUN_RESUMED -> "resuming: " + event.message();
      case PLANNING -> "plan      " + unit;
      case PLANNED -> "planned   " + unit + ": " + event.plan().counts();
      case NO_CHANGES -> "no change " + unit;
      case AWAITING_APPROVAL -> "approval  " + unit;
      case GATED -> (event.approved() ? "approved  " : "REJECTED  ") + unit + " by " + event.who()
          + (event.message() == null || event.message().isEmpty() ? "" : ": " + event.message());
      case APPLY_STARTED -> "apply     " + unit;
      case APPLIED -> "applied   " + unit + (event.message() == null ? "" : " (" + event.message() + ")");
      case FAILED -> "FAILED    " + unit + ": " + event.message();
      case BLOCKED -> "blocked   " + unit + ": " + event.message();
      case CANCELLED -> "cancelled " + unit + ": " + event.message();
      case RUN_ENDED -> "run " + event.outcome();
      case PROCESS_STARTED, PROCESS_ENDED -> null;
    };
  }
}
