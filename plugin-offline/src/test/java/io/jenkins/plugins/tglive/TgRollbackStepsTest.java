package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.policy.AccountMapping;
import io.tglive.rollback.RollbackRun;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunJournal;
import io.tglive.run.stepwise.StepwiseRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
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

  private Path tools;
  private Path state;
  private LocalAgent agent;
  private FilePath workspace;
  private final Run<?, ?> run = runWithActions();
  private final EnvVars env = mock(EnvVars.class, CALLS_REAL_METHODS);
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final TaskListener listener = mock(TaskListener.class);

  @BeforeEach
  void agent() throws Exception {
    tools = RealUnitsFixture.tools();
    state = Files.createDirectories(dir.resolve("state"));
    agent = new LocalAgent();
    workspace = agent.path(dir.resolve("ws").toString());
    env.putAll(RealUnitsFixture.environment(tools, state));
    when(env.get("BUILD_URL")).thenReturn("https://ci.example/job/live/7/");
    when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    when(run.getRootDir()).thenReturn(dir.resolve("build").toFile());
    when(run.getNumber()).thenReturn(7);
    when(run.getExternalizableId()).thenReturn("live#7");
    when(run.getUrl()).thenReturn("job/live/7/");
  }

  @AfterEach
  void end() throws Exception {
    BuildRuns.end(run, "the test ended");
  }

  @Test
  void aFailedChainIsRolledBackUnitByUnitThroughTheRollbackVotersGateAndTheResultSaysWhat() throws Exception {
    stack("""
        accounts:
          - name: live
            path: ""
            voters: [alice]
            approvalsRequired: 1
            rollbackVoters: [oncall]
            rollbackApprovalsRequired: 1
        """);
    Map<String, Object> netPlan = unit(TgPlanPathStep.Execution.class, "net", false).run();
    BuildRuns.of(run).ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "alice", "ok"));
    assertThat(unit(TgApplyPathStep.Execution.class, "net", false).run()).containsEntry("applied", true);
    assertThat(netPlan).containsEntry("gateRequired", true);
    unit(TgPlanPathStep.Execution.class, "app", false).run();
    Step appApply = unit(TgApplyPathStep.Execution.class, "app", false);
    appApply.execution.start();
    assertThat(appApply.result).failsWithin(5, TimeUnit.MINUTES); // not approved: the deploy failed at app

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
    assertThat(gate.open(run, env, false, GateNotifier.NONE)).startsWith("tgApprovalGate: rollback net - plan ")
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
    assertThat(log()).contains("tgRollback: rollback of run ", "tgRollback:   1. destroy (added by the change): net",
        "tgPlanPath (rollback): net: planning", "tgRollbackResult: rollback succeeded: 1 step(s) done, 0 left");
  }

  @Test
  void aWaitingRollbackStepAndTgRollbackItselfSurviveARestartAndEachUnitRollsBackInReverseOrder() throws Exception {
    stack(null);
    for (String unit : List.of("net", "app")) {
      unit(TgPlanPathStep.Execution.class, unit, false).run();
      unit(TgApplyPathStep.Execution.class, unit, false).run();
    }
    Step planning = rollback("all");
    planning.execution.start();
    Map<String, Object> plan = planning.await();
    assertThat(((List<?>) plan.get("steps")).stream().map(s -> (Object) ((Map<?, ?>) s).get("id")).toList())
        .containsExactly((Object) "app", "net");

    Step netBefore = unit(TgPlanPathStep.Execution.class, "net", true);
    netBefore.execution.start();
    assertThat(log()).contains("tgPlanPath (rollback): net waits for app");
    BuildRuns.close(run);

    Step again = restore(TerragruntStackCallableTest.overTheWire(planning.execution));
    again.execution.onResume();
    assertThat(again.await()).as("the recorded plan, not a second one").isEqualTo(plan);
    Step netAfter = restore(TerragruntStackCallableTest.overTheWire(netBefore.execution));
    netAfter.execution.onResume();
    unit(TgPlanPathStep.Execution.class, "app", true).run();
    assertThat(netAfter.result).isNotDone();
    unit(TgApplyPathStep.Execution.class, "app", true).run();
    assertThat(netAfter.await()).containsEntry("changes", true);
    unit(TgApplyPathStep.Execution.class, "net", true).run();

    assertThat(resources("net")).isZero();
    assertThat(resources("app")).isZero();
    assertThat(result()).containsEntry("outcome", "succeeded");
  }

  @Test
  void withoutARollbackTheResultIsNoneAndModeNoneRecordsNothing() throws Exception {
    stack(null);
    assertThat(result()).containsEntry("outcome", "none");
    assertThat(rollback("none").run()).containsEntry("mode", "none").containsEntry("steps", List.of());
    assertThat(RollbackRun.exists(dir.resolve("build/tglive"))).isFalse();
  }

  /** An execution and the outcome its context receives. */
  private record Step(StepExecution execution, CompletableFuture<Object> result) {

    @SuppressWarnings("unchecked")
    Map<String, Object> await() throws Exception {
      return (Map<String, Object>) result.get(5, TimeUnit.MINUTES);
    }

    Map<String, Object> run() throws Exception {
      execution.start();
      return await();
    }
  }

  private Step unit(Class<? extends UnitStepExecution> type, String path, boolean rollback) throws Exception {
    UnitStepExecution execution = mock(type, CALLS_REAL_METHODS);
    set(execution, UnitStepExecution.class, "path", path);
    set(execution, UnitStepExecution.class, "terragrunt", tools.resolve("bin/terragrunt").toString());
    set(execution, UnitStepExecution.class, "rollback", rollback);
    return restore(execution);
  }

  private Step rollback(String mode) throws Exception {
    TgRollbackStep.Execution execution = mock(TgRollbackStep.Execution.class, CALLS_REAL_METHODS);
    set(execution, TgRollbackStep.Execution.class, "mode", mode);
    set(execution, TgRollbackStep.Execution.class, "paths", new ArrayList<String>());
    set(execution, TgRollbackStep.Execution.class, "terragrunt", tools.resolve("bin/terragrunt").toString());
    return restore(execution);
  }

  private Map<String, Object> result() throws Exception {
    Step step = restore(mock(TgRollbackResultStep.Execution.class, CALLS_REAL_METHODS));
    assertThat(step.execution.start()).as("synchronous").isTrue();
    return step.await();
  }

  /** {@code execution} (a mock calling its real methods, or a deserialized copy) with a context at hand. */
  private Step restore(StepExecution execution) throws Exception {
    StepExecution revived = org.mockito.Mockito.mockingDetails(execution).isMock() ? execution
        : mock(execution.getClass(), org.mockito.Mockito.withSettings().spiedInstance(execution)
            .defaultAnswer(CALLS_REAL_METHODS));
    CompletableFuture<Object> result = new CompletableFuture<>();
    StepContext context = mock(StepContext.class);
    when(context.get(Run.class)).thenAnswer(invocation -> run);
    when(context.get(TaskListener.class)).thenReturn(listener);
    when(context.get(FilePath.class)).thenReturn(workspace);
    when(context.get(Launcher.class)).thenReturn(agent.launcher);
    when(context.get(EnvVars.class)).thenReturn(env);
    doAnswer(invocation -> result.complete(invocation.getArgument(0))).when(context).onSuccess(any());
    doAnswer(invocation -> result.completeExceptionally(invocation.getArgument(0))).when(context).onFailure(any());
    doReturn(context).when(revived).getContext();
    return new Step(revived, result);
  }

  private void stack(String accounts) throws Exception {
    RealUnitsFixture.create(dir.resolve("ws/infra"), accounts);
    TerragruntStackStep step = new TerragruntStackStep();
    step.setDir("infra");
    step.setBase("main");
    step.setHead("feature");
    StepContext context = mock(StepContext.class);
    when(context.get(Run.class)).thenAnswer(invocation -> run);
    when(context.get(TaskListener.class)).thenReturn(listener);
    when(context.get(FilePath.class)).thenReturn(workspace);
    when(context.get(EnvVars.class)).thenReturn(env);
    TerragruntStackStep.Execution.stack(step, context, () -> AccountMapping.EMPTY);
  }

  private static List<RunEvent> events(Path runDir) throws Exception {
    return RunJournal.read(runDir.resolve("journal.jsonl")).events();
  }

  private int resources(String unit) throws Exception {
    return new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile())
        .path("resources").size();
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  private static void set(Object target, Class<?> owner, String name, Object value) throws Exception {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }

  @SuppressWarnings("unchecked")
  private static Run<?, ?> runWithActions() {
    Run<?, ?> run = mock(Run.class);
    List<Action> actions = new ArrayList<>();
    doAnswer(invocation -> actions.add(invocation.getArgument(0))).when(run).addAction(any());
    when(run.getActions(any())).thenAnswer(invocation -> {
      Class<?> type = invocation.getArgument(0);
      return actions.stream().filter(type::isInstance).toList();
    });
    return run;
  }
}
