package io.tglive.preview;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a pull request would do: every unit of its stack, in deploy order, with its plan (or why
 * it is not planned yet) and the gate it will need.
 *
 * @param base full sha the stack's diff starts from
 * @param head full sha of the pull request's head
 * @param revisions which base and head were compared and why, one line
 * @param units the stack's units in deploy order
 * @param incompleteness why the stack may miss units (unresolved paths, unmapped files); empty when complete
 * @param warnings non-fatal findings of the stack computation
 * @param elapsed wall time of the planning
 */
public record PreviewSummary(
    String base,
    String head,
    String revisions,
    List<PreviewUnit> units,
    List<String> incompleteness,
    List<String> warnings,
    Duration elapsed) {

  public PreviewSummary {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    revisions = Objects.requireNonNullElse(revisions, "");
    units = List.copyOf(units);
    incompleteness = List.copyOf(incompleteness);
    warnings = List.copyOf(warnings);
    elapsed = Objects.requireNonNullElse(elapsed, Duration.ZERO);
  }

  /** Whether the stack is known to hold every unit the change affects. */
  public boolean complete() {
    return incompleteness.isEmpty();
  }

  /** How many units have this status. */
  public long count(PreviewStatus status) {
    return units.stream().filter(unit -> unit.status() == status).count();
  }

  /** Whether every planned unit's plan succeeded and the stack is complete: nothing to look into. */
  public boolean ok() {
    return complete() && count(PreviewStatus.FAILED) == 0;
  }

  /** The sum of the units' plan times (what planning them one after the other would take, roughly). */
  public Duration planTime() {
    return units.stream().map(PreviewUnit::elapsed).reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * One line: {@code 2 to change, 1 without changes, 1 plan failed, 3 planned after their
   * dependencies apply}, or {@code no units to deploy}; {@code (stack incomplete)} appended when so.
   */
  public String headline() {
    List<String> parts = new java.util.ArrayList<>();
    long changes = count(PreviewStatus.CHANGES);
    long none = count(PreviewStatus.NO_CHANGES);
    long failed = count(PreviewStatus.FAILED);
    long waiting = count(PreviewStatus.WAITING);
    if (changes > 0) {
      parts.add(changes + " to change");
    }
    if (none > 0) {
      parts.add(none + " without changes");
    }
    if (failed > 0) {
      parts.add(failed + (failed == 1 ? " plan failed" : " plans failed"));
    }
    if (waiting > 0) {
      parts.add(waiting + " planned after " + (waiting == 1 ? "its dependencies apply" : "their dependencies apply"));
    }
    String line = parts.isEmpty() ? "no units to deploy" : String.join(", ", parts);
    return complete() ? line : line + " (stack incomplete)";
  }
}
