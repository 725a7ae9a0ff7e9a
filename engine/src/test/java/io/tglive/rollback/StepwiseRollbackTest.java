package io.tglive.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.deploy.LocalWorkFiles;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.stepwise.DependencyState;
import io.tglive.run.stepwise.StepwiseRun;
import io.tglive.run.stepwise.UnitOutcome;
import io.tglive.run.stepwise.UnitWork;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.run.terragrunt.TerragruntDialect;
import io.tglive.stack.ApprovalPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollback driven step by step, as the Jenkins steps with {@code rollback: true} drive it, with a
 * SCRIPTED STAND-IN runner that records each command (step, kind, commit, directory, arguments) and
 * fails where told: the layout of each step, the rollback's own order, its policy's gate, the stop
 * at the first failure, the result, resume. {@link RealRollbackTest} runs the real tools.
 */
class StepwiseRollbackTest {

  private static final String SHOW = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\","
      + "\"provider_name\":\"terraform.io/builtin/terraform\",\"change\":{\"actions\":[\"delete\"]}}]}";

  @TempDir Path tmp;

  private final List<String> commands = new CopyOnWriteArrayList<>();
  private String failing = "";

  private final RunHeader run = new RunHeader("run-1", "/repo", "main", "base0", "feature", "head0", List.of(
      new RunUnit("net", false, null, List.of(), 1, List.of(), 0, 1),
      new RunUnit("app", false, null, List.of("net"), 0, List.of(), 0, 1),
      new RunUnit("dns", false, null, List.of(), 0, List.of(), 0, 1)));

  private final RollbackPlan plan = new RollbackPlan("run-1", RollbackMode.ALL, List.of(), List.of(
      step("app", "app", RollbackAction.DESTROY_ADDED, List.of(), 0),
      step("dns", "dns", RollbackAction.REAPPLY_BASE, List.of(), 0),
      step("net#new-providers", "net", RollbackAction.DESTROY_NEW_PROVIDERS, List.of("app"), 0, "random_pet.x[0]"),
      step("net", "net", RollbackAction.REAPPLY_BASE, List.of("net#new-providers"), 1)), 3);

  @Test
  void eachStepRunsInItsUnitsDirectoryOfTheRightTreeAfterTheStepsItWaitsForAndNeedsItsRollbackGate()
      throws Exception {
    Path runDir = tmp.resolve("run");
    try (StepwiseRun rollback = StepwiseRollback.start(runDir, run, plan, Runnable::run)) {
      assertThat(rollback.dependencies("net#new-providers").kind()).isEqualTo(DependencyState.Kind.WAITING);
      assertThat(rollback.plan("app", work("app")).changes()).isTrue();
      assertThat(rollback.apply("app", work("app")).status()).isEqualTo(UnitStatus.APPLIED);
      assertThat(rollback.dependencies("net#new-providers").kind()).isEqualTo(DependencyState.Kind.READY);
      rollback.plan("net#new-providers", work("net#new-providers"));
      rollback.apply("net#new-providers", work("net#new-providers"));

      UnitOutcome planned = rollback.plan("net", work("net"));
      assertThat(planned.gateRequired()).isTrue();
      assertThat(rollback.apply("net", work("net")).message()).contains("was not approved (1 approval(s) required)");
    }
    assertThat(commands.stream().filter(c -> c.contains(" PLAN ")).toList()).containsExactly(
        "app PLAN head0 checkout-head0/app plan -input=false -detailed-exitcode -destroy",
        "net#new-providers PLAN head0 checkout-head0/net plan -input=false -detailed-exitcode -destroy"
            + " -target=random_pet.x[0]",
        "net PLAN base0 checkout-base0/net plan -input=false -detailed-exitcode");
    assertThat(RollbackRun.read(runDir)).isEqualTo(plan);
  }

  @Test
  void anApprovedStepIsAppliedAndTheResultListsEveryStepDone() throws Exception {
    Path runDir = tmp.resolve("run");
    try (StepwiseRun rollback = StepwiseRollback.start(runDir, run, plan, Runnable::run)) {
      for (String step : List.of("app", "dns", "net#new-providers", "net")) {
        UnitOutcome planned = rollback.plan(step, work(step));
        if (planned.gateRequired()) {
          rollback.ledger().record(RunEvent.of(EventType.AWAITING_APPROVAL, step));
          rollback.ledger().record(RunEvent.of(EventType.GATED, step).withDecision(true, "oncall", "go back"));
        }
        assertThat(rollback.apply(step, work(step)).status()).isEqualTo(UnitStatus.APPLIED);
      }
      RollbackResult result = StepwiseRollback.finish(runDir, rollback, "the build ended");
      assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(result.done()).extracting(RollbackStep::id).containsExactly("app", "dns", "net#new-providers", "net");
      assertThat(result.left()).isEmpty();
    }
  }

  @Test
  void aFailedStepStopsTheRollbackNothingElseStartsAndWhatIsLeftIsListed() throws Exception {
    failing = "app";
    Path runDir = tmp.resolve("run");
    try (StepwiseRun rollback = StepwiseRollback.start(runDir, run, plan, Runnable::run)) {
      rollback.plan("app", work("app"));
      assertThat(rollback.apply("app", work("app")).status()).isEqualTo(UnitStatus.FAILED);

      UnitOutcome independent = rollback.plan("dns", work("dns"));
      assertThat(independent.status()).isEqualTo(UnitStatus.BLOCKED);
      assertThat(independent.message()).isEqualTo("blocked by app: the run stops at its first failure");
      assertThat(rollback.dependencies("net#new-providers").blockedBy()).isEqualTo("app");

      RollbackResult result = StepwiseRollback.finish(runDir, rollback, "the build ended");
      assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
      assertThat(result.done()).isEmpty();
      assertThat(result.left()).extracting(l -> l.step().id() + " " + l.status().label()).containsExactly(
          "app failed", "dns blocked", "net#new-providers cancelled", "net cancelled");
    }
    assertThat(commands).noneMatch(c -> c.startsWith("dns "));
  }

  @Test
  void aStepWaitingForAStepThatWillNeverBePlannedIsReleasedBlockedWhenAnotherStepFails() throws Exception {
    failing = "dns";
    Path runDir = tmp.resolve("run");
    try (StepwiseRun rollback = StepwiseRollback.start(runDir, run, plan, Runnable::run)) {
      // net waits for net#new-providers, which waits for app: neither was planned when dns fails
      List<DependencyState> decided = new CopyOnWriteArrayList<>();
      rollback.whenDecided("net", decided::add);
      rollback.plan("dns", work("dns"));
      rollback.apply("dns", work("dns"));

      assertThat(decided).singleElement().satisfies(state -> {
        assertThat(state.kind()).isEqualTo(DependencyState.Kind.BLOCKED);
        assertThat(state.blockedBy()).isEqualTo("dns");
      });
      assertThat(rollback.plan("net", work("net")).message())
          .isEqualTo("blocked by dns: the run stops at its first failure");
    }
  }

  @Test
  void aRollbackReopenedAfterARestartContinuesAndARunHasOnlyOne() throws Exception {
    Path runDir = tmp.resolve("run");
    try (StepwiseRun rollback = StepwiseRollback.start(runDir, run, plan, Runnable::run)) {
      rollback.plan("app", work("app"));
      rollback.apply("app", work("app"));
    }
    try (StepwiseRun rollback = StepwiseRollback.resume(runDir, run, Runnable::run, "restarted")) {
      assertThat(rollback.record("app").status()).isEqualTo(UnitStatus.APPLIED);
      assertThat(rollback.plan("net#new-providers", work("net#new-providers")).changes()).isTrue();
    }
    assertThatThrownBy(() -> StepwiseRollback.start(runDir, run, plan, Runnable::run))
        .isInstanceOf(RollbackException.class).hasMessageContaining("already has a rollback");
    assertThatThrownBy(() -> StepwiseRollback.resume(tmp.resolve("other"), run, Runnable::run, "x"))
        .isInstanceOf(RollbackException.class).hasMessageContaining("has no rollback");
  }

  private UnitWork work(String step) {
    return new UnitWork(standIn(), new LocalWorkFiles(), this::checkout,
        new TerragruntCommands(CommandSettings.DEFAULT, TerragruntDialect.V1, Map.of()),
        tmp.resolve("plans").resolve(step.replace("/", "__") + ".tfplan").toAbsolutePath());
  }

  private Path checkout(String commit) throws java.io.IOException {
    Path root = tmp.resolve("checkout-" + commit);
    for (String unit : List.of("net", "app", "dns")) {
      Files.createDirectories(root.resolve(unit));
    }
    return root;
  }

  private UnitRunner standIn() {
    return (CommandSpec command, io.tglive.run.CommandLog log) -> {
      String args = String.join(" ", command.argv().subList(1, command.argv().size()))
          .replaceAll(" -out=\\S+", "").replaceAll(" \\S+\\.tfplan", "");
      commands.add(command.unit() + " " + command.kind() + " " + command.revision() + " "
          + tmp.relativize(command.workingDirectory()) + " " + args);
      return switch (command.kind()) {
        case PLAN -> {
          try {
            Files.createDirectories(command.planFile().orElseThrow().getParent());
            Files.writeString(command.planFile().orElseThrow(), "plan");
          } catch (java.io.IOException e) {
            throw new RunnerException(e.getMessage(), false, e);
          }
          yield new CommandResult(2, "", Duration.ZERO);
        }
        case SHOW -> new CommandResult(0, SHOW, Duration.ZERO);
        case APPLY -> new CommandResult(command.unit().equals(failing) ? 1 : 0, "", Duration.ZERO);
        default -> new CommandResult(0, "", Duration.ZERO);
      };
    };
  }

  private static RollbackStep step(String id, String unit, RollbackAction action, List<String> after, int approvals,
      String... targets) {
    return new RollbackStep(id, unit, action, null, List.of(targets), List.of(), after,
        new ApprovalPolicy(List.of("oncall"), approvals, 1), "test");
  }
}
