package io.tglive.run.gate;

import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;

/** Approves every plan at once: for accounts with {@code approvalsRequired: 0}. */
public final class NoGate implements Gate {

  @Override
  public GateDecision decide(String unit, ApprovalPolicy policy, PlanSummary plan) {
    return GateDecision.approve("no gate", "approvalsRequired is 0");
  }
}
