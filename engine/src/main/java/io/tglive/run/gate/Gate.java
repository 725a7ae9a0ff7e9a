package io.tglive.run.gate;

import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;

/** Decides whether a unit's plan may be applied. Called only for plans that change something. */
public interface Gate {

  /**
   * Blocks until the plan of {@code unit} is approved or rejected.
   *
   * @param unit the unit's repository path
   * @param policy who may approve and how many approvals it takes
   * @param plan what the plan would do, with its hash
   */
  GateDecision decide(String unit, ApprovalPolicy policy, PlanSummary plan) throws InterruptedException;
}
