package io.tglive.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.approval.GateTerms;
import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RollbackPolicyTest {

  private static final ApprovalPolicy PROD = new ApprovalPolicy(List.of("alice", "bob", "carol"), 2, 1,
      new GateRules(true, 3, null, "PT4H"));

  @Test
  void withoutRollbackSettingsARollbackIsApprovedLikeTheAccountsOtherPlans() {
    assertThat(RunUnitPolicies.forRollback(PROD)).isEqualTo(PROD);
  }

  @Test
  void rollbackVotersAndCountsReplaceTheAccountsAndKeepSelfApprovalAndTimeout() {
    ApprovalPolicy policy = RunUnitPolicies.forRollback(withRollback(new RollbackRules(List.of("oncall"), 1, 1)));
    assertThat(policy.voters()).containsExactly("oncall");
    assertThat(policy.approvalsRequired()).isEqualTo(1);
    assertThat(policy.rejectionsRequired()).isEqualTo(1);
    assertThat(policy.rules().allowSelfApproval()).isTrue();
    assertThat(policy.rules().timeout()).isEqualTo("PT4H");
    assertThat(policy.rules().rollback()).isEqualTo(RollbackRules.SAME);
  }

  @Test
  void anExplicitRollbackCountIsWhatEveryStepNeedsDestroysIncluded() {
    ApprovalPolicy policy = RunUnitPolicies.forRollback(withRollback(new RollbackRules(null, 1, null)));
    GateTerms destroy = GateTerms.of(policy, plan(), true, List.of(), Instant.EPOCH);
    assertThat(destroy.approvalsRequired()).isEqualTo(1);
    assertThat(destroy.voters()).containsExactly("alice", "bob", "carol");
  }

  @Test
  void rollbackVotersAloneKeepTheAccountsCountsAndItsStricterDestroys() {
    ApprovalPolicy policy = RunUnitPolicies.forRollback(
        withRollback(new RollbackRules(List.of("oncall", "sre", "lead"), null, null)));
    assertThat(GateTerms.of(policy, plan(), false, List.of(), Instant.EPOCH).approvalsRequired()).isEqualTo(2);
    assertThat(GateTerms.of(policy, plan(), true, List.of(), Instant.EPOCH).approvalsRequired()).isEqualTo(3);
  }

  @Test
  void thePlannedStepsAndTheRollbackRunCarryTheRollbackPolicy() throws Exception {
    GateRules rules = new GateRules(false, null, null, null, new RollbackRules(List.of("oncall"), 1, 1));
    RunUnit app = new RunUnit("app", false, "prod", List.of(), 0, List.of("alice", "bob"), 2, 1, rules);
    RunHeader header = new RunHeader("run-1", "/repo", "main", "basesha", "feature", "headsha", List.of(app));
    PlanSummary plan = plan();
    UnitRecord applied = new UnitRecord("app", UnitStatus.APPLIED, plan, null, null, null, null, plan.hash(),
        "headsha", null, 1, null, null, null);
    RollbackPlan rollback = RollbackPlanner.plan(header, Map.of("app", applied), RollbackMode.ALL, List.of(),
        facts(), RunUnitPolicies::of, 3);

    assertThat(rollback.steps().get(0).policy().voters()).containsExactly("oncall");
    RunUnit step = RollbackRun.header(header, rollback).units().get(0);
    assertThat(step.voters()).containsExactly("oncall");
    assertThat(step.approvalsRequired()).isEqualTo(1);
    assertThat(step.gate().destroyApprovalsRequired()).isEqualTo(1);
  }

  private static ApprovalPolicy withRollback(RollbackRules rules) {
    return new ApprovalPolicy(PROD.voters(), PROD.approvalsRequired(), PROD.rejectionsRequired(),
        PROD.rules().withRollback(rules));
  }

  private static PlanSummary plan() {
    return new PlanSummary(0, 0, 1, 0, List.of("delete x.y"), new TreeSet<>(), List.of("x.y"), new TreeSet<>(),
        List.of(), "h".repeat(64));
  }

  private static UnitFacts facts() {
    return new UnitFacts() {
      @Override
      public boolean existsAtBase(String unit) {
        return true;
      }

      @Override
      public NewProviders newProviders(String unit) {
        return NewProviders.NONE;
      }
    };
  }
}
