package io.tglive.run.stepwise;

import java.util.List;

/**
 * Whether a unit may be planned: every unit it waits for succeeded ({@link Kind#READY}), some are
 * still running or pending ({@link Kind#WAITING}), or one failed or was rejected ({@link Kind#BLOCKED}).
 *
 * @param kind which of the three
 * @param waitingFor the units not finished yet, for {@link Kind#WAITING}
 * @param blockedBy the failed or rejected unit behind the block, for {@link Kind#BLOCKED} (the unit itself
 *     when its run was released: {@link StepwiseRun#release})
 */
public record DependencyState(Kind kind, List<String> waitingFor, String blockedBy) {

  /** The three states. */
  public enum Kind { READY, WAITING, BLOCKED }

  public DependencyState {
    waitingFor = List.copyOf(waitingFor);
  }

  static DependencyState ready() {
    return new DependencyState(Kind.READY, List.of(), null);
  }

  static DependencyState waiting(List<String> units) {
    return new DependencyState(Kind.WAITING, units, null);
  }

  static DependencyState blocked(String by) {
    return new DependencyState(Kind.BLOCKED, List.of(), by);
  }

  /** Whether the state is final for planning purposes: ready or blocked. */
  public boolean decided() {
    return kind != Kind.WAITING;
  }
}
