package io.tglive.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.deploy.DeployOptions;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.gate.NoGate;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitStatus;
import io.tglive.stack.ApprovalPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes rollback plans through the deploy engine with a SCRIPTED STAND-IN runner that records
 * each command (its step, kind, commit, directory and arguments) and fails where told; the real
 * tools are exercised by {@link RealRollbackTest}.
 */
class RollbackRunTest {

  private static final String SHOW = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\","
      + "\"provider_name\":\"terraform.io/builtin/terraform\",\"change\":{\"actions\":[\"delete\"]}}]}";

  @TempDir Path tmp;

  private final List<String> commands = new CopyOnWriteArrayList<>();
  private String failing = "";

  private final RunHeader run = new RunHeader("run-1", "/repo", "main", "base0", "feature", "head0", List.of(
      new RunUnit("net", false, null, List.of(), 1, List.of(), 0, 1),
      new RunUnit("app", false, null, List.of("net"), 0, List.of(), 0, 1)));

  private final RollbackPlan plan = new RollbackPlan("run-1", RollbackMode.ALL, List.of(), List.of(
      step("app", "app", RollbackAction.DESTROY_ADDED, List.of()),
      step("net#new-providers", "net", RollbackAction.DESTROY_NEW_PROVIDERS, List.of("app"), "random_pet.x[0]"),
      step("net", "net", RollbackAction.REAPPLY_BASE, List.of("net#new-providers"))), 3);

  @Test
  void eachStepRunsInItsUnitsDirectoryOfTheRightTreeDependentsFirst() throws Exception {
    RollbackResult result;
    try (RollbackRun rollback = RollbackRun.start(tmp.resolve("run"), run, plan)) {
      result = rollback.execute(observer -> standIn(), new NoGate(), this::checkout, DeployOptions.defaults(4));
    }
    assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(result.left()).isEmpty();
    assertThat(commands.stream().filter(c -> c.contains(" PLAN ")).toList()).containsExactly(
        "app PLAN head0 checkout-head0/app plan -input=false -detailed-exitcode -destroy",
        "net#new-providers PLAN head0 checkout-head0/net plan -input=false -detailed-exitcode -destroy"
            + " -target=random_pet.x[0]",
        "net PLAN base0 checkout-base0/net plan -input=false -detailed-exitcode");
    assertThat(RollbackRun.read(tmp.resolve("run"))).isEqualTo(plan);
    assertThat(tmp.resolve("run/rollback/journal.jsonl")).exists();
    assertThat(tmp.resolve("run/rollback/logs/net.log")).exists();
  }

  @Test
  void aFailingStepStopsTheRollbackAndReportsExactlyWhatIsLeft() throws Exception {
    failing = "net#new-providers";
    RollbackResult result;
    try (RollbackRun rollback = RollbackRun.start(tmp.resolve("run"), run, plan)) {
      result = rollback.execute(observer -> standIn(), new NoGate(), this::checkout, DeployOptions.defaults(4));
    }
    assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
    assertThat(result.done()).extracting(RollbackStep::id).containsExactly("app");
    assertThat(result.lines()).containsExactly(
        "rollback failed: 1 step(s) done, 2 left",
        "  done: destroy (added by the change): app",
        "  left to fix: destroy resources of new providers: net (-target random_pet.x[0]) — failed: apply failed"
            + " (exit 1); see " + tmp.resolve("run/rollback/logs/net#new-providers.log"),
        "  left to fix: apply base: net — blocked: blocked by net#new-providers");
    assertThatThrownBy(() -> RollbackRun.resume(tmp.resolve("run"), run)).isInstanceOf(RollbackException.class)
        .hasMessageContaining("has already ended (failed); a rollback runs once");
    assertThatThrownBy(() -> RollbackRun.start(tmp.resolve("run"), run, plan)).isInstanceOf(RollbackException.class)
        .hasMessageContaining("already has a rollback");
  }

  @Test
  void aRejectedStepStopsTheRollback() throws Exception {
    RollbackResult result;
    try (RollbackRun rollback = RollbackRun.start(tmp.resolve("run"), run, plan)) {
      result = rollback.execute(observer -> standIn(),
          (unit, policy, summary) -> GateDecision.reject("alice", "not this way"), this::checkout,
          DeployOptions.defaults(4));
    }
    assertThat(result.outcome()).isEqualTo(RunOutcome.REJECTED);
    assertThat(result.left()).extracting(RollbackResult.Left::status)
        .containsExactly(UnitStatus.REJECTED, UnitStatus.BLOCKED, UnitStatus.BLOCKED);
  }

  @Test
  void aRollbackInterruptedBeforeItsFirstEventResumesWithTheRecordedPlan() throws Exception {
    try (RollbackRun rollback = RollbackRun.start(tmp.resolve("run"), run, plan)) {
      // nothing executed: the process died here
    }
    Files.delete(tmp.resolve("run/rollback/journal.jsonl"));
    try (RollbackRun rollback = RollbackRun.resume(tmp.resolve("run"), run)) {
      assertThat(rollback.plan()).isEqualTo(plan);
      assertThat(rollback.execute(observer -> standIn(), new NoGate(), this::checkout, DeployOptions.defaults(1))
          .outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    }
  }

  private Path checkout(String commit) throws java.io.IOException {
    Path root = tmp.resolve("checkout-" + commit);
    Files.createDirectories(root.resolve("net"));
    Files.createDirectories(root.resolve("app"));
    return root;
  }

  private UnitRunner standIn() {
    return (CommandSpec command, io.tglive.run.CommandLog log) -> {
      String args = String.join(" ", command.argv().subList(1, command.argv().size()))
          .replaceAll(" -out=\\S+", "").replaceAll(" \\S+\\.tfplan", "");
      commands.add(command.unit() + " " + command.kind() + " " + command.revision() + " "
          + tmp.relativize(command.workingDirectory()) + " " + args);
      return switch (command.kind()) {
        case VERSION -> new CommandResult(0, "terragrunt version v1.1.3", Duration.ZERO);
        case PLAN -> {
          try {
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

  private static RollbackStep step(String id, String unit, RollbackAction action, List<String> after,
      String... targets) {
    return new RollbackStep(id, unit, action, null, List.of(targets), List.of(), after,
        new ApprovalPolicy(List.of("alice"), 1, 1), "test");
  }
}
