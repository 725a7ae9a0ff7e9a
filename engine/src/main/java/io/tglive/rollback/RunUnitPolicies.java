package io.tglive.rollback;

import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
import io.tglive.run.state.RunUnit;
import io.tglive.stack.ApprovalPolicy;

/**
 * Who approves the rollback of a unit: its account's rollback voters and counts as the run recorded
 * them ({@code rollbackVoters}, {@code rollbackApprovalsRequired}, {@code rollbackRejectionsRequired}),
 * each value not set being the unit's own.
 */
public final class RunUnitPolicies {

  private RunUnitPolicies() {}

  /** The rollback policy of a unit, from its policy as the run recorded it. */
  public static ApprovalPolicy of(RunUnit unit) {
    return forRollback(unit.policy());
  }

  /**
   * The rollback policy of {@code policy}: its rollback voters and counts where set. An explicit
   * {@code rollbackApprovalsRequired} is what every rollback step needs, destroys and new providers
   * included; otherwise the account's rules apply as to any plan. Self-approval and the timeout stay.
   */
  public static ApprovalPolicy forRollback(ApprovalPolicy policy) {
    GateRules rules = policy.rules();
    RollbackRules rollback = rules.rollback();
    int approvals = rollback.approvalsRequired() == null ? policy.approvalsRequired() : rollback.approvalsRequired();
    GateRules stepRules = rollback.approvalsRequired() == null ? rules.withRollback(RollbackRules.SAME)
        : new GateRules(rules.allowSelfApproval(), approvals, approvals, rules.timeout());
    return new ApprovalPolicy(rollback.voters() == null ? policy.voters() : rollback.voters(), approvals,
        rollback.rejectionsRequired() == null ? policy.rejectionsRequired() : rollback.rejectionsRequired(),
        stepRules);
  }
}
