package io.tglive.rollback;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The rollback of a run: its steps in execution order (every step after the steps it waits for).
 *
 * @param run the id of the run rolled back
 * @param mode the mode asked for
 * @param selected the units asked for ({@link RollbackMode#SELECTIVE}), else empty
 * @param steps the steps, in order
 * @param maxAttempts how many times a pull request may deploy (the first try included) before the
 *     queue drops it; recorded for the queue
 */
public record RollbackPlan(String run, RollbackMode mode, List<String> selected, List<RollbackStep> steps,
    int maxAttempts) {

  /** The default of {@code maxAttempts}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  public RollbackPlan {
    selected = List.copyOf(selected);
    steps = List.copyOf(steps);
  }

  /** The units rolled back, in order of their first step. */
  public List<String> units() {
    LinkedHashSet<String> units = new LinkedHashSet<>();
    steps.forEach(step -> units.add(step.unit()));
    return List.copyOf(units);
  }

  /** Whether there is nothing to roll back. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The plan in words, one line per step, numbered in order. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("rollback of run " + run + " (mode " + mode.label()
        + (selected.isEmpty() ? "" : ": " + String.join(", ", selected)) + "): "
        + (steps.isEmpty() ? "nothing to roll back" : steps.size() + " step(s)"));
    for (int i = 0; i < steps.size(); i++) {
      lines.add(String.format("%3d. %s", i + 1, steps.get(i).describe()));
    }
    return lines;
  }
}
