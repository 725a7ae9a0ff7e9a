package io.tglive.run.gate;

import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;

/** Passes units whose policy needs no approval without asking; asks {@code voting} for the others. */
public final class PolicyGate implements Gate {

  private final Gate noGate = new NoGate();
  private final Gate voting;

  public PolicyGate(Gate voting) {
    this.voting = voting;
  }

  @Override
  public GateDecision decide(String unit, ApprovalPolicy policy, PlanSummary plan) throws InterruptedException {
    return policy.approvalsRequired() == 0 ? noGate.decide(unit, policy, plan) : voting.decide(unit, policy, plan);
  }
}
