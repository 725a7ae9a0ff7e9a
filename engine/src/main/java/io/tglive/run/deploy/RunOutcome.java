package io.tglive.run.deploy;

import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import java.util.Collection;
import java.util.Locale;

/** How a run ended. */
public enum RunOutcome {
  /** Every unit was applied or had nothing to change. */
  SUCCEEDED,
  /** A unit failed (or was cancelled by {@code --fail-fast}). */
  FAILED,
  /** No unit failed, but a plan was rejected. */
  REJECTED;

  /** The outcome of units that have all finished. */
  public static RunOutcome of(Collection<UnitRecord> units) {
    if (units.stream().anyMatch(u -> u.status() == UnitStatus.FAILED || u.status() == UnitStatus.CANCELLED
        || !u.status().terminal())) {
      return FAILED;
    }
    if (units.stream().anyMatch(u -> u.status() == UnitStatus.REJECTED)) {
      return REJECTED;
    }
    return units.stream().allMatch(u -> u.status().succeeded()) ? SUCCEEDED : FAILED;
  }

  /** {@code succeeded}, {@code failed} or {@code rejected}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
