package io.tglive.report.html;

import java.time.Duration;

/**
 * How long a unit's steps took, from its journal events (steps cut short by a crashed process are not counted).
 *
 * @param start when its first plan started, after the run's start; null if it never started
 * @param plan time from each plan's start to its summary (waits for a runner slot included)
 * @param approval time waiting for the gate
 * @param apply time from the apply's start to its end
 * @param terragrunt time the unit's terragrunt processes ran, as far as the runner reported them
 */
record UnitTimings(Duration start, Duration plan, Duration approval, Duration apply, Duration terragrunt) {

  static final UnitTimings NONE = new UnitTimings(null, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
}
