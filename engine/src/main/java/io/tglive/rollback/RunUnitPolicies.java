package io.tglive.rollback;

import io.tglive.run.state.RunUnit;
import io.tglive.stack.ApprovalPolicy;

/** The approval policy a run recorded for a unit: the default policy of its rollback. */
public final class RunUnitPolicies {

  private RunUnitPolicies() {}

  /** The unit's own policy, as the run recorded it. */
  public static ApprovalPolicy of(RunUnit unit) {
    return new ApprovalPolicy(unit.voters(), unit.approvalsRequired(), unit.rejectionsRequired());
  }
}
