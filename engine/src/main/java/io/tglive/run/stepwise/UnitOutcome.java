package io.tglive.run.stepwise;

import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.PlanSummary;

/**
 * Where a unit stands after a plan or apply step.
 *
 * @param unit the unit's path
 * @param status its status, as recorded ({@link UnitStatus#PLANNING} after a plan with changes)
 * @param plan its plan with changes, or null
 * @param gateRequired whether that plan needs approvals before it may be applied
 * @param message why it failed, was blocked or rejected, or a note; null otherwise
 */
public record UnitOutcome(String unit, UnitStatus status, PlanSummary plan, boolean gateRequired, String message) {

  /** Whether the plan has changes to gate and apply. */
  public boolean changes() {
    return status == UnitStatus.PLANNING && plan != null;
  }

  /** Whether the step went well: a plan was made, nothing changed, or the plan was applied. */
  public boolean succeeded() {
    return status == UnitStatus.PLANNING || status.succeeded();
  }
}
