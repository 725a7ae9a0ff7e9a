package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tglive.approval.notify.GateNotifier;
import io.tglive.rollback.RollbackRun;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunJournal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.jenkins.plugins.tglive.AgentBuild.Step;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tgRollback}, the unit steps with {@code rollback: true} and {@code tgRollbackResult} on a real
 * live repository with the real terragrunt and OpenTofu, on an agent of this machine ({@link LocalAgent}),
 * as the Pipeline of {@code examples/Jenkinsfile-rollback} drives them: the plan from the build's run,
 * one branch per unit in the rollback's order, the rollback voters' gate, the result, and executions
 * that survive a Java-serialization round trip and a controller restart. Executions are built as
 * Jenkins restores them (see {@link UnitStepsTest}).
 */
class TgRollbackStepsTest {

  @TempDir Path dir;

  private AgentBuild build;

  @BeforeEach
  void agent() throws Exception {
    build = new AgentBuild(dir);
    when(build.env.get("BUILD_URL")).thenReturn("https://ci.example/job/live/7/");
    when(build.run.getUrl()).thenReturn("job/live/7/");
  }

  @AfterEach
  void end() throws Exception {
    if (build != null) { // null when the real tools are missing and the test was skipped
      build.end();
    }
  }

  @Test
  void aFailedChainIsRolledBackUnitByUnitThroughTheRollbackVotersGateAndTheResultSaysWhat() throws Exception {
    build.stack("""
        accounts:
          - name: live
            path: ""
            voters: [alice]
            approvalsRequired: 1
            rollbackVoters: [oncall]
            rollbackApprovalsRequired: 1
        """);
    Map<String, Object> netPlan = unit(TgPlanPathStep.Execution.class, "net", false).run();
    BuildRuns.of(build.run).ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "alice", "ok"));
    assertThat(unit(TgApplyPathStep.Execution.class, "net", false).run()).containsEntry("applied", true);
    assertThat(netPlan).containsEntry("gateRequired", true);
    unit(TgPlanPathStep.Execution.class, "app", false).run();
    Step<UnitStepExecution> appApply = unit(TgApplyPathStep.Execution.class, "app", false);
    appApply.execution().start();
    assertThat(appApply.result()).failsWithin(5, TimeUnit.MINUTES); // not approved: the deploy failed at app

    Map<String, Object> plan = rollback("all").run();
    assertThat(plan).containsEntry("mode", "all");
    assertThat(plan.get("units")).isEqualTo(List.of(Map.of("path", "net", "steps", List.of("net"),
        "actions", List.of("destroy (added by the change)"), "why", "changed by the run (applied)")));
    assertThat(events(dir.resolve("build/tglive"))).filteredOn(e -> e.type() == EventType.RUN_ENDED)
        .extracting(RunEvent::outcome).containsExactly("failed");

    Map<String, Object> rollbackPlan = unit(TgPlanPathStep.Execution.class, "net", true).run();
    assertThat(rollbackPlan).containsEntry("changes", true).containsEntry("destroy", 1)
        .containsEntry("gateRequired", true);
    GateSession gate = new GateSession("net", null, null, null, null, null).forRollback(true);
    assertThat(gate.open(build.run, build.env, false, GateNotifier.NONE)).startsWith("tgApprovalGate: rollback net - plan ")
        .contains("needs 1 approval(s) from oncall; vote at https://ci.example/job/live/7/tglive-gates/");
    Path rollbackDir = RollbackRun.directory(dir.resolve("build/tglive"));
    assertThat(GateVotes.vote(rollbackDir, "alice", List.of(), "net", (String) rollbackPlan.get("hash"), "approve",
        "").status()).as("alice votes on the change, not on its rollback").isEqualTo(403);
    assertThat(GateVotes.vote(rollbackDir, "oncall", List.of(), "net", (String) rollbackPlan.get("hash"), "approve",
        "roll it back").status()).isEqualTo(200);
    assertThat(TerragruntStackCallableTest.overTheWire(gate).check().orElseThrow().approved()).isTrue();

    assertThat(unit(TgApplyPathStep.Execution.class, "net", true).run()).containsEntry("applied", true);
    assertThat(resources("net")).isZero();

    Map<String, Object> result = result();
    assertThat(result).containsEntry("outcome", "succeeded").containsEntry("left", List.of());
    assertThat(result.get("done")).isEqualTo(List.of(Map.of("id", "net", "unit", "net",
        "action", "destroy (added by the change)")));
    assertThat(rollbackDir.resolve("report.html")).exists();
    assertThat(build.log()).contains("tgRollback: rollback of run ", "tgRollback:   1. destroy (added by the change): net",
        "tgPlanPath (rollback): net: planning", "tgRollbackResult: rollback succeeded: 1 step(s) done, 0 left");
  }

  @Test
  void aWaitingRollbackStepAndTgRollbackItselfSurviveARestartAndEachUnitRollsBackInReverseOrder() throws Exception {
    build.stack(null);
    for (String unit : List.of("net", "app")) {
      unit(TgPlanPathStep.Execution.class, unit, false).run();
      unit(TgApplyPathStep.Execution.class, unit, false).run();
    }
    Step<TgRollbackStep.Execution> planning = rollback("all");
    planning.execution().start();
    Map<String, Object> plan = planning.await();
    assertThat(((List<?>) plan.get("steps")).stream().map(s -> (Object) ((Map<?, ?>) s).get("id")).toList())
        .containsExactly((Object) "app", "net");

    Step<UnitStepExecution> netBefore = unit(TgPlanPathStep.Execution.class, "net", true);
    netBefore.execution().start();
    assertThat(build.log()).contains("tgPlanPath (rollback): net waits for app");
    BuildRuns.close(build.run);

    Step<TgRollbackStep.Execution> again = build.restore(TerragruntStackCallableTest.overTheWire(planning.execution()));
    again.execution().onResume();
    assertThat(again.await()).as("the recorded plan, not a second one").isEqualTo(plan);
    Step<UnitStepExecution> netAfter = build.restore(TerragruntStackCallableTest.overTheWire(netBefore.execution()));
    netAfter.execution().onResume();
    unit(TgPlanPathStep.Execution.class, "app", true).run();
    assertThat(netAfter.result()).isNotDone();
    unit(TgApplyPathStep.Execution.class, "app", true).run();
    assertThat(netAfter.await()).containsEntry("changes", true);
    unit(TgApplyPathStep.Execution.class, "net", true).run();

    assertThat(resources("net")).isZero();
    assertThat(resources("app")).isZero();
    assertThat(result()).containsEntry("outcome", "succeeded");
  }

  @Test
  void withoutARollbackTheResultIsNoneAndModeNoneRecordsNothing() throws Exception {
    build.stack(null);
    assertThat(result()).containsEntry("outcome", "none");
    assertThat(rollback("none").run()).containsEntry("mode", "none").containsEntry("steps", List.of());
    assertThat(RollbackRun.exists(dir.resolve("build/tglive"))).isFalse();
  }

  private Step<UnitStepExecution> unit(Class<? extends UnitStepExecution> type, String path, boolean rollback)
      throws Exception {
    UnitStepExecution execution = mock(type, CALLS_REAL_METHODS);
    AgentBuild.set(execution, UnitStepExecution.class, "path", path);
    AgentBuild.set(execution, UnitStepExecution.class, "terragrunt", build.terragrunt());
    AgentBuild.set(execution, UnitStepExecution.class, "rollback", rollback);
    return build.restore(execution);
  }

  private Step<TgRollbackStep.Execution> rollback(String mode) throws Exception {
    TgRollbackStep.Execution execution = mock(TgRollbackStep.Execution.class, CALLS_REAL_METHODS);
    AgentBuild.set(execution, TgRollbackStep.Execution.class, "mode", mode);
    AgentBuild.set(execution, TgRollbackStep.Execution.class, "paths", new ArrayList<String>());
    AgentBuild.set(execution, TgRollbackStep.Execution.class, "terragrunt", build.terragrunt());
    return build.restore(execution);
  }

  private Map<String, Object> result() throws Exception {
    Step<TgRollbackResultStep.Execution> step = build.restore(mock(TgRollbackResultStep.Execution.class,
        CALLS_REAL_METHODS));
    assertThat(step.execution().start()).as("synchronous").isTrue();
    return step.await();
  }

  private static List<RunEvent> events(Path runDir) throws Exception {
    return RunJournal.read(runDir.resolve("journal.jsonl")).events();
  }

  private int resources(String unit) throws Exception {
    return build.state(unit).path("resources").size();
  }
}
