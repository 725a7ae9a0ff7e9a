package io.tglive.rollback;

import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.state.UnitStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * How a rollback ended: the steps done and, when it stopped, exactly what is left to fix.
 *
 * @param outcome succeeded, failed or rejected
 * @param done the steps applied (or with nothing left to change), in order
 * @param left the steps not done, in order, with their status and message
 */
public record RollbackResult(RunOutcome outcome, List<RollbackStep> done, List<Left> left) {

  public RollbackResult {
    done = List.copyOf(done);
    left = List.copyOf(left);
  }

  /**
   * A step the rollback did not do.
   *
   * @param step the step
   * @param status where it stands ({@code failed}, {@code rejected}, {@code cancelled}, {@code blocked})
   * @param message why, when known
   */
  public record Left(RollbackStep step, UnitStatus status, String message) {

    /** One line: the step, its status and why. */
    public String describe() {
      return step.action().label() + ": " + step.unit() + (step.targets().isEmpty() ? ""
          : " (-target " + String.join(", ", step.targets()) + ")") + " — " + status.label()
          + (message == null ? "" : ": " + message);
    }
  }

  /** The result in words: one line per step done, then one per step left to fix. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("rollback " + outcome.label() + ": " + done.size() + " step(s) done, " + left.size() + " left");
    done.forEach(step -> lines.add("  done: " + step.action().label() + ": " + step.unit()));
    left.forEach(step -> lines.add("  left to fix: " + step.describe()));
    return lines;
  }
}
