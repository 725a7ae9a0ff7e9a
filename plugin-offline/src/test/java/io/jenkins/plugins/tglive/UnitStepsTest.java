package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.RunnerSettings;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedConstruction;

/**
 * {@code tgPlanPath} and {@code tgApplyPath} on a real live repository with the real terragrunt and
 * OpenTofu, on an agent of this machine ({@link LocalAgent}): the build's run started by
 * {@code terragruntStack}, plans that wait for their dependencies holding no thread, the approval
 * rule, blocking, and executions that survive a Java-serialization round trip and a controller restart.
 * A StepExecution's constructor needs Jenkins, so executions are built as Jenkins restores them:
 * without a constructor, with their serialized fields set, and their context at hand.
 */
class UnitStepsTest {

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
    when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    when(run.getRootDir()).thenReturn(dir.resolve("build").toFile());
    when(run.getNumber()).thenReturn(7);
    when(run.getExternalizableId()).thenReturn("live#7");
  }

  @AfterEach
  void end() throws Exception {
    BuildRuns.end(run, "the test ended");
  }

  @Test
  void aPlanStartedBeforeItsDependencyWaitsAndPlansOnceTheDependencyIsAppliedWithItsNewOutput() throws Exception {
    stack(null);
    Step app = plan("app");
    assertThat(app.execution.start()).as("asynchronous").isFalse();
    assertThat(app.execution.getStatus()).isEqualTo("waiting for net");
    assertThat(log()).contains("tgPlanPath: app waits for net\n");

    Map<String, Object> netPlan = plan("net").run();
    assertThat(netPlan).containsEntry("path", "net").containsEntry("status", "planning").containsEntry("changes", true)
        .containsEntry("add", 1).containsEntry("change", 0).containsEntry("destroy", 0).containsEntry("replace", 0)
        .containsEntry("gateRequired", false).containsEntry("resources", List.of("create terraform_data.this"));
    assertThat((String) netPlan.get("hash")).hasSize(64);
    assertThat(app.result).as("app still waits: net is only planned").isNotDone();

    Map<String, Object> netApply = apply("net").run();
    assertThat(netApply).containsEntry("status", "applied").containsEntry("applied", true)
        .containsEntry("hash", netPlan.get("hash"));
    Map<String, Object> appPlan = app.await();
    assertThat(appPlan).containsEntry("changes", true);
    assertThat(apply("app").run()).containsEntry("applied", true);
    assertThat(output("app")).isEqualTo("app-on-net");
    assertThat(Files.readString(dir.resolve("build/tglive/logs/app.log"))).contains("terragrunt plan -input=false -detailed-exitcode -out=");
    assertThat(events()).filteredOn(e -> e.type() == EventType.GATED).extracting(RunEvent::who)
        .containsExactly("no gate", "no gate");
  }

  @Test
  void anApplyWithoutApprovalFailsAndTheWaitingDependentFailsBlockedByIt() throws Exception {
    stack("""
        accounts:
          - name: gated
            path: ""
            voters: [alice]
            approvalsRequired: 1
        """);
    Step app = plan("app");
    app.execution.start();
    Map<String, Object> netPlan = plan("net").run();
    assertThat(netPlan).containsEntry("gateRequired", true);

    Step netApply = apply("net");
    netApply.execution.start();
    assertThatThrownBy(netApply::await).hasCauseInstanceOf(Exception.class);
    assertThatThrownBy(app::await).hasCauseInstanceOf(Exception.class);
    assertThat(log()).contains("tgApplyPath: net: plan " + ((String) netPlan.get("hash")).substring(0, 12)
        + " was not approved (1 approval(s) required): not applied\n")
        .contains("tgPlanPath: app: blocked by net\n");
    assertThat(state.resolve("net/terraform.tfstate")).doesNotExist();
  }

  @Test
  void anApplyCaughtByARestartStopsTheLeftoverProcessesAndFindsItsApplyHadFinished() throws Exception {
    stack(null);
    plan("net").run();
    StepwiseRun deploy = BuildRuns.of(run);
    // the controller records the start of the apply, terragrunt applies the plan, and the controller
    // dies before it records the result; a process of the step is still running on the agent
    deploy.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "no gate", ""));
    deploy.ledger().record(RunEvent.of(EventType.APPLY_STARTED, "net").withPlan(deploy.record("net").plan(), null));
    Path worktree = Path.of(dir.resolve("ws/infra") + "@tglive", "worktrees",
        deploy.header().headCommit().substring(0, 12));
    ProcessBuilder external = new ProcessBuilder(tools.resolve("bin/terragrunt").toString(), "apply", "-input=false",
        dir.resolve("ws/infra") + "@tglive/7/plans/net.tfplan").directory(worktree.resolve("net").toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("external-apply.log").toFile());
    external.environment().putAll(RealUnitsFixture.environment(tools, state));
    awaitSuccess(external.start());
    Step before = apply("net");
    set(before.execution, "cookie", "cookie-of-the-dead-controller");
    agent.launcher.launch().cmds(List.of("sleep", "120"))
        .envs(Map.of(JenkinsAgentRunner.COOKIE, "cookie-of-the-dead-controller")).start();
    BuildRuns.close(run);

    UnitStepExecution restored = TerragruntStackCallableTest.overTheWire(before.execution);
    Step after = restore(restored, TgApplyPathStep.Execution.class);
    after.execution.onResume();

    assertThat(after.await()).containsEntry("status", "applied").containsEntry("applied", true)
        .containsEntry("message", "its apply had finished before the run was interrupted: a new plan shows no changes");
    assertThat(agent.started).filteredOn(p -> p.getKey().containsValue("cookie-of-the-dead-controller"))
        .singleElement().satisfies(p -> assertThat(p.getValue().isAlive()).as("the leftover was stopped").isFalse());
    assertThat(events()).filteredOn(e -> e.type() == EventType.APPLY_STARTED).hasSize(1);
    assertThat(events()).filteredOn(e -> e.type() == EventType.RUN_RESUMED).extracting(RunEvent::message)
        .containsExactly("the Jenkins controller restarted");
    assertThat(output("net")).isEqualTo("net");
  }

  @Test
  void aWaitingPlanSurvivesAShutdownARoundTripAndARestartAndPlansWhenItsDependencyIsApplied() throws Exception {
    stack(null);
    Step before = plan("app");
    before.execution.start();
    ControllerShutdown.closeOpenRuns();

    Step after = restore(TerragruntStackCallableTest.overTheWire(before.execution), TgPlanPathStep.Execution.class);
    assertThat(after.execution.path).isEqualTo("app");
    after.execution.onResume();
    plan("net").run();
    assertThat(after.result).isNotDone();
    apply("net").run();

    assertThat(after.await()).containsEntry("path", "app").containsEntry("changes", true);
    assertThat(events()).filteredOn(e -> e.type() == EventType.RUN_RESUMED).extracting(RunEvent::message)
        .as("the shutdown closed the controller's handle, so the next one resumed the run")
        .containsExactly("the Jenkins controller restarted");
  }

  @Test
  void aUnitOutsideTheBuildsRunOrABuildWithoutRunFailsAtOnceWithAClearMessage() throws Exception {
    assertThat(abort(plan("net").execution)).isEqualTo("tgPlanPath: this build has no deploy run: call terragruntStack first");
    stack(null);
    assertThat(abort(apply("nope").execution)).isEqualTo("tgApplyPath: nope is not a unit of this run (its units: app, net)");
  }

  @Test
  void theRunRecordsEachAccountsRunnerSettingsFromTheSettingsFileTheStackWasComputedWith() throws Exception {
    stack("""
        accounts:
          - name: remote
            path: ""
            voters: [alice]
            approvalsRequired: 1
            runner: codebuild
            codeBuildProject: tglive-units
            region: eu-west-1
            codeBuildBucket: acme-tglive
            terragrunt: [tg-wrapper]
        """);

    RunnerSettings recorded = BuildRuns.of(run).header().runnerOf("remote");

    assertThat(recorded.runner()).isEqualTo("codebuild");
    assertThat(recorded.codeBuildProject()).isEqualTo("tglive-units");
    assertThat(recorded.region()).isEqualTo("eu-west-1");
    assertThat(recorded.codeBuildBucket()).isEqualTo("acme-tglive");
    assertThat(recorded.commands().terragrunt()).containsExactly("tg-wrapper");
  }

  @Test
  void descriptorsNameTheStepsAndNeedANode() {
    TgPlanPathStep.DescriptorImpl plan = mock(TgPlanPathStep.DescriptorImpl.class, CALLS_REAL_METHODS);
    TgApplyPathStep.DescriptorImpl apply = mock(TgApplyPathStep.DescriptorImpl.class, CALLS_REAL_METHODS);
    assertThat(plan.getFunctionName()).isEqualTo("tgPlanPath");
    assertThat(apply.getFunctionName()).isEqualTo("tgApplyPath");
    assertThat(Set.<Class<?>>copyOf(plan.getRequiredContext())).containsExactlyInAnyOrder(Run.class,
        TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
    assertThatThrownBy(() -> new TgPlanPathStep(" ")).hasMessageStartingWith("path is required");
    TgApplyPathStep step = new TgApplyPathStep(" net ");
    assertThat(step.getRunner()).as("unset: the account's runner").isNull();
    step.setRunner(" codebuild ");
    step.setTerragrunt(" ");
    step.setCredentialsId(" aws-prod ");
    assertThat(step.getPath()).isEqualTo("net");
    assertThat(step.getTerragrunt()).isEqualTo("terragrunt");
    assertThat(step.getRunner()).isEqualTo("codebuild");
    assertThat(step.getCredentialsId()).isEqualTo("aws-prod");
    step.setRunner("agent");
    assertThat(step.getRunner()).isEqualTo("agent");
    assertThatThrownBy(() -> step.setRunner("local"))
        .hasMessage("runner 'local' is unknown: use 'agent' (the enclosing node's agent) or 'codebuild' (the account's"
            + " CodeBuild project)");
  }

  /** An execution and the outcome its context receives. */
  private record Step(UnitStepExecution execution, CompletableFuture<Object> result) {

    @SuppressWarnings("unchecked")
    Map<String, Object> await() throws Exception {
      return (Map<String, Object>) result.get(5, TimeUnit.MINUTES);
    }

    Map<String, Object> run() throws Exception {
      execution.start();
      return await();
    }
  }

  private Step plan(String path) throws Exception {
    Step step = restore(null, TgPlanPathStep.Execution.class);
    set(step.execution, "path", path);
    return step;
  }

  private Step apply(String path) throws Exception {
    Step step = restore(null, TgApplyPathStep.Execution.class);
    set(step.execution, "path", path);
    return step;
  }

  /** An execution as Jenkins revives one: the serialized fields of {@code from} (if any) and a context. */
  private <T extends UnitStepExecution> Step restore(UnitStepExecution from, Class<T> type) throws Exception {
    T execution = mock(type, CALLS_REAL_METHODS);
    set(execution, "terragrunt", tools.resolve("bin/terragrunt").toString());
    if (from != null) {
      for (String field : List.of("path", "terragrunt", "cookie")) {
        set(execution, field, get(from, field));
      }
    }
    CompletableFuture<Object> result = new CompletableFuture<>();
    StepContext context = mock(StepContext.class);
    when(context.get(Run.class)).thenAnswer(invocation -> run);
    when(context.get(TaskListener.class)).thenReturn(listener);
    when(context.get(FilePath.class)).thenReturn(workspace);
    when(context.get(Launcher.class)).thenReturn(agent.launcher);
    when(context.get(EnvVars.class)).thenReturn(env);
    doAnswer(invocation -> result.complete(invocation.getArgument(0))).when(context).onSuccess(any());
    doAnswer(invocation -> result.completeExceptionally(invocation.getArgument(0))).when(context).onFailure(any());
    doReturn(context).when(execution).getContext();
    return new Step(execution, result);
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

  private void awaitSuccess(Process process) throws Exception {
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(dir.resolve("external-apply.log"))).isZero();
  }

  private static String abort(UnitStepExecution execution) {
    List<String> messages = new ArrayList<>();
    try (MockedConstruction<AbortException> aborts = mockConstruction(AbortException.class, (abort, construction) -> {
      messages.add((String) construction.arguments().get(0));
      when(abort.getStackTrace()).thenReturn(new StackTraceElement[0]);
    })) {
      assertThatThrownBy(execution::start).isInstanceOf(AbortException.class);
    }
    return messages.get(0);
  }

  private List<RunEvent> events() throws Exception {
    return RunJournal.read(dir.resolve("build/tglive/journal.jsonl")).events();
  }

  private String output(String unit) throws Exception {
    return new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile())
        .path("outputs").path("value").path("value").asText();
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  private static void set(Object target, String name, Object value) throws Exception {
    Field field = UnitStepExecution.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }

  private static Object get(Object target, String name) throws Exception {
    Field field = UnitStepExecution.class.getDeclaredField(name);
    field.setAccessible(true);
    return field.get(target);
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
