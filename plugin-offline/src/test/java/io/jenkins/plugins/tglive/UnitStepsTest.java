package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.policy.RunnerSettings;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.stepwise.StepwiseRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jenkins.plugins.tglive.AgentBuild.Step;
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

  private AgentBuild build;

  @BeforeEach
  void agent() throws Exception {
    build = new AgentBuild(dir);
  }

  @AfterEach
  void end() throws Exception {
    if (build != null) { // null when the real tools are missing and the test was skipped
      build.end();
    }
  }

  @Test
  void aPlanStartedBeforeItsDependencyWaitsAndPlansOnceTheDependencyIsAppliedWithItsNewOutput() throws Exception {
    build.stack(null);
    Step<UnitStepExecution> app = plan("app");
    assertThat(app.execution().start()).as("asynchronous").isFalse();
    assertThat(app.execution().getStatus()).isEqualTo("waiting for net");
    assertThat(build.log()).contains("tgPlanPath: app waits for net\n");

    Map<String, Object> netPlan = plan("net").run();
    assertThat(netPlan).containsEntry("path", "net").containsEntry("status", "planning").containsEntry("changes", true)
        .containsEntry("add", 1).containsEntry("change", 0).containsEntry("destroy", 0).containsEntry("replace", 0)
        .containsEntry("gateRequired", false).containsEntry("resources", List.of("create terraform_data.this"));
    assertThat((String) netPlan.get("hash")).hasSize(64);
    assertThat(app.result()).as("app still waits: net is only planned").isNotDone();

    Map<String, Object> netApply = apply("net").run();
    assertThat(netApply).containsEntry("status", "applied").containsEntry("applied", true)
        .containsEntry("hash", netPlan.get("hash"));
    Map<String, Object> appPlan = app.await();
    assertThat(appPlan).containsEntry("changes", true);
    assertThat(apply("app").run()).containsEntry("applied", true);
    assertThat(output("app")).isEqualTo("app-on-net");
    assertThat(Files.readString(dir.resolve("build/tglive/logs/app.log"))).contains("terragrunt plan -input=false -detailed-exitcode -out=");
    assertThat(build.events()).filteredOn(e -> e.type() == EventType.GATED).extracting(RunEvent::who)
        .containsExactly("no gate", "no gate");
  }

  @Test
  void anApplyWithoutApprovalFailsAndTheWaitingDependentFailsBlockedByIt() throws Exception {
    build.stack("""
        accounts:
          - name: gated
            path: ""
            voters: [alice]
            approvalsRequired: 1
        """);
    Step<UnitStepExecution> app = plan("app");
    app.execution().start();
    Map<String, Object> netPlan = plan("net").run();
    assertThat(netPlan).containsEntry("gateRequired", true);

    Step<UnitStepExecution> netApply = apply("net");
    netApply.execution().start();
    assertThatThrownBy(netApply::await).hasCauseInstanceOf(Exception.class);
    assertThatThrownBy(app::await).hasCauseInstanceOf(Exception.class);
    assertThat(build.log()).contains("tgApplyPath: net: plan " + ((String) netPlan.get("hash")).substring(0, 12)
        + " was not approved (1 approval(s) required): not applied\n")
        .contains("tgPlanPath: app: blocked by net\n");
    assertThat(build.state.resolve("net/terraform.tfstate")).doesNotExist();
  }

  @Test
  void anApplyCaughtByARestartStopsTheLeftoverProcessesAndFindsItsApplyHadFinished() throws Exception {
    build.stack(null);
    plan("net").run();
    StepwiseRun deploy = BuildRuns.of(build.run);
    // the controller records the start of the apply, terragrunt applies the plan, and the controller
    // dies before it records the result; a process of the step is still running on the agent
    deploy.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "no gate", ""));
    deploy.ledger().record(RunEvent.of(EventType.APPLY_STARTED, "net").withPlan(deploy.record("net").plan(), null));
    Path worktree = Path.of(dir.resolve("ws/infra") + "@tglive", "worktrees",
        deploy.header().headCommit().substring(0, 12));
    ProcessBuilder external = new ProcessBuilder(build.terragrunt(), "apply", "-input=false",
        dir.resolve("ws/infra") + "@tglive/7/plans/net.tfplan").directory(worktree.resolve("net").toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("external-apply.log").toFile());
    external.environment().putAll(RealUnitsFixture.environment(build.tools, build.state));
    awaitSuccess(external.start());
    Step<UnitStepExecution> before = apply("net");
    set(before.execution(), "cookie", "cookie-of-the-dead-controller");
    build.agent.launcher.launch().cmds(List.of("sleep", "120"))
        .envs(Map.of(JenkinsAgentRunner.COOKIE, "cookie-of-the-dead-controller")).start();
    BuildRuns.close(build.run);

    Step<UnitStepExecution> after = build.restore(TerragruntStackCallableTest.overTheWire(before.execution()));
    after.execution().onResume();

    assertThat(after.await()).containsEntry("status", "applied").containsEntry("applied", true)
        .containsEntry("message", "its apply had finished before the run was interrupted: a new plan shows no changes");
    assertThat(build.agent.started).filteredOn(p -> p.getKey().containsValue("cookie-of-the-dead-controller"))
        .singleElement().satisfies(p -> assertThat(p.getValue().isAlive()).as("the leftover was stopped").isFalse());
    assertThat(build.events()).filteredOn(e -> e.type() == EventType.APPLY_STARTED).hasSize(1);
    assertThat(build.events()).filteredOn(e -> e.type() == EventType.RUN_RESUMED).extracting(RunEvent::message)
        .containsExactly("the Jenkins controller restarted");
    assertThat(output("net")).isEqualTo("net");
  }

  @Test
  void aWaitingPlanSurvivesAShutdownARoundTripAndARestartAndPlansWhenItsDependencyIsApplied() throws Exception {
    build.stack(null);
    Step<UnitStepExecution> before = plan("app");
    before.execution().start();
    ControllerShutdown.closeOpenRuns();

    Step<UnitStepExecution> after = build.restore(TerragruntStackCallableTest.overTheWire(before.execution()));
    assertThat(after.execution().path).isEqualTo("app");
    after.execution().onResume();
    plan("net").run();
    assertThat(after.result()).isNotDone();
    apply("net").run();

    assertThat(after.await()).containsEntry("path", "app").containsEntry("changes", true);
    assertThat(build.events()).filteredOn(e -> e.type() == EventType.RUN_RESUMED).extracting(RunEvent::message)
        .as("the shutdown closed the controller's handle, so the next one resumed the run")
        .containsExactly("the Jenkins controller restarted");
  }

  @Test
  void aUnitOutsideTheBuildsRunOrABuildWithoutRunFailsAtOnceWithAClearMessage() throws Exception {
    assertThat(abort(plan("net").execution())).isEqualTo("tgPlanPath: this build has no deploy run: call terragruntStack first");
    build.stack(null);
    assertThat(abort(apply("nope").execution())).isEqualTo("tgApplyPath: nope is not a unit of this run (its units: app, net)");
  }

  @Test
  void theRunRecordsEachAccountsRunnerSettingsFromTheSettingsFileTheStackWasComputedWith() throws Exception {
    build.stack("""
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

    RunnerSettings recorded = BuildRuns.of(build.run).header().runnerOf("remote");

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

  private Step<UnitStepExecution> plan(String path) throws Exception {
    return unit(TgPlanPathStep.Execution.class, path);
  }

  private Step<UnitStepExecution> apply(String path) throws Exception {
    return unit(TgApplyPathStep.Execution.class, path);
  }

  private Step<UnitStepExecution> unit(Class<? extends UnitStepExecution> type, String path) throws Exception {
    UnitStepExecution execution = mock(type, CALLS_REAL_METHODS);
    set(execution, "path", path);
    set(execution, "terragrunt", build.terragrunt());
    return build.restore(execution);
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

  private String output(String unit) throws Exception {
    return build.state(unit).path("outputs").path("value").path("value").asText();
  }

  private static void set(Object target, String name, Object value) throws Exception {
    AgentBuild.set(target, UnitStepExecution.class, name, value);
  }
}
