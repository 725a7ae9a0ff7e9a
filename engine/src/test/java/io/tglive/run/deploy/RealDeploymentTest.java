package io.tglive.run.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.run.gate.Gate;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.gate.NoGate;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.stack.StackPlanner;
import io.tglive.stack.StackRequest;
import io.tglive.stack.StackResult;
import io.tglive.testing.RealTools;
import io.tglive.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys live repositories with the real terragrunt and OpenTofu (skipped where they are not
 * installed): outputs flow through real {@code dependency} blocks, failures are {@code local-exec}
 * commands exiting 1, slow units really sleep.
 */
class RealDeploymentTest {

  @TempDir Path tmp;

  private Path state;

  @BeforeEach
  void tools() throws Exception {
    RealTools.assumeInstalled();
    state = Files.createDirectories(tmp.resolve("state"));
  }

  @Test
  void aDependentsPlanSeesTheOutputItsDependencyJustApplied() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("v1");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net-v1\""));
      repo.write("app/terragrunt.hcl", RealLiveRepo.unit("value = \"app-on-${dependency.net.outputs.value}\"", "net"));
      repo.commit("v1");
      assertThat(deploy(repo, "main", "v1", "run1")).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(output("app")).isEqualTo("app-on-net-v1");

      repo.branch("v2");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net-v2\""));
      repo.commit("v2");
      assertThat(deploy(repo, "v1", "v2", "run2")).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(output("net")).isEqualTo("net-v2");
      assertThat(output("app")).as("app was planned after net's apply, with its new output").isEqualTo("app-on-net-v2");
      SortedMap<String, UnitRecord> units = units("run2");
      assertThat(units.get("app").status()).isEqualTo(UnitStatus.APPLIED);
      assertThat(units.get("app").plan().changes()).containsExactly("update terraform_data.this");
      assertThat(units.get("app").appliedHash()).isEqualTo(units.get("app").approvedHash()).hasSize(64);
      assertThat(units.get("net").plan().providers()).containsExactly("terraform.io/builtin/terraform");
    }
  }

  @Test
  void aFailureBlocksItsDependentsWhileIndependentUnitsCarryOnAsSoonAsTheyAreReady() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("bad/terragrunt.hcl", RealLiveRepo.unit("value = \"bad\"\nfail = true"));
      repo.write("bad-child/terragrunt.hcl", RealLiveRepo.unit("value = dependency.bad.outputs.value", "bad"));
      repo.write("slow/terragrunt.hcl", RealLiveRepo.unit("value = \"slow\"\nsleep = 8"));
      repo.write("fast/terragrunt.hcl", RealLiveRepo.unit("value = \"fast\""));
      repo.write("fast-child/terragrunt.hcl", RealLiveRepo.unit("value = \"${dependency.fast.outputs.value}-child\"",
          "fast"));
      repo.commit("units");
      assertThat(deploy(repo, "main", "feature", "run")).isEqualTo(RunOutcome.FAILED);
      SortedMap<String, UnitRecord> units = units("run");
      assertThat(units.get("bad").status()).isEqualTo(UnitStatus.FAILED);
      assertThat(units.get("bad").message()).startsWith("apply failed (exit 1)");
      assertThat(Files.readString(tmp.resolve("run/logs/bad.log"))).contains("failing on purpose");
      assertThat(units.get("bad-child").status()).isEqualTo(UnitStatus.BLOCKED);
      assertThat(units.get("bad-child").message()).isEqualTo("blocked by bad");
      assertThat(units.get("slow").status()).isEqualTo(UnitStatus.APPLIED);
      assertThat(units.get("fast-child").status()).isEqualTo(UnitStatus.APPLIED);
      assertThat(output("fast-child")).isEqualTo("fast-child");

      List<RunEvent> events = RunJournal.read(tmp.resolve("run/journal.jsonl")).events();
      long childPlanned = seq(events, EventType.PLANNING, "fast-child");
      long slowApplied = seq(events, EventType.APPLIED, "slow");
      assertThat(childPlanned).as("fast-child started while slow was still applying (eager, not by waves)")
          .isLessThan(slowApplied);
    }
  }

  @Test
  void aRejectedPlanIsNotAppliedAndBlocksItsDependents() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.write("app/terragrunt.hcl", RealLiveRepo.unit("value = dependency.net.outputs.value", "net"));
      repo.write("other/terragrunt.hcl", RealLiveRepo.unit("value = \"other\""));
      repo.commit("units");
      Gate rejectNet = (unit, policy, plan) -> unit.equals("net")
          ? GateDecision.reject("alice", "not today") : GateDecision.approve("alice", "");
      assertThat(deploy(repo, "main", "feature", "run", rejectNet, false)).isEqualTo(RunOutcome.REJECTED);
      SortedMap<String, UnitRecord> units = units("run");
      assertThat(units.get("net").status()).isEqualTo(UnitStatus.REJECTED);
      assertThat(units.get("net").decidedBy()).isEqualTo("alice");
      assertThat(units.get("net").why()).isEqualTo("not today");
      assertThat(units.get("net").plan().changes()).containsExactly("create terraform_data.this");
      assertThat(state.resolve("net/terraform.tfstate")).doesNotExist();
      assertThat(units.get("app").status()).isEqualTo(UnitStatus.BLOCKED);
      assertThat(units.get("other").status()).isEqualTo(UnitStatus.APPLIED);
    }
  }

  @Test
  void failFastStartsNothingAfterTheFirstFailure() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("bad/terragrunt.hcl", RealLiveRepo.unit("value = \"bad\"\nfail = true"));
      repo.write("slow/terragrunt.hcl", RealLiveRepo.unit("value = \"slow\"\nsleep = 15"));
      repo.write("later/terragrunt.hcl", RealLiveRepo.unit("value = dependency.slow.outputs.value", "slow"));
      repo.commit("units");
      assertThat(deploy(repo, "main", "feature", "run", new NoGate(), true)).isEqualTo(RunOutcome.FAILED);
      SortedMap<String, UnitRecord> units = units("run");
      assertThat(units.get("bad").status()).isEqualTo(UnitStatus.FAILED);
      // slow was already running when bad failed, and finishes; later would start after it, but does not
      assertThat(units.get("later").status()).isEqualTo(UnitStatus.CANCELLED);
      assertThat(units.get("slow").status()).isEqualTo(UnitStatus.APPLIED);
    }
  }

  private static long seq(List<RunEvent> events, EventType type, String unit) {
    return events.stream().filter(e -> e.type() == type && unit.equals(e.unit())).findFirst().orElseThrow().seq();
  }

  private RunOutcome deploy(TestRepo repo, String base, String head, String run) throws Exception {
    return deploy(repo, base, head, run, new NoGate(), false);
  }

  private RunOutcome deploy(TestRepo repo, String base, String head, String run, Gate gate, boolean failFast)
      throws Exception {
    StackResult stack = StackPlanner.plan(repo.root(), StackRequest.of(base, head));
    assertThat(stack.complete()).as("stack complete: %s", stack.unresolved()).isTrue();
    Path runDir = tmp.resolve(run);
    Map<String, String> environment = new HashMap<>(RealTools.env());
    environment.put("TGLIVE_TEST_STATE", state.toString());
    DeployOptions options = DeployOptions.defaults(4).withFailFast(failFast).withEnvironment(environment).withCommands(account ->
        CommandSettings.DEFAULT.withTerragrunt(List.of(RealTools.terragrunt().toString()))
            .withTimeout(Duration.ofMinutes(5)));
    try (RunLedger ledger = RunLedger.create(runDir, RunHeader.of(run, repo.root().toString(), base, head, stack))) {
      return new Deployment(ledger, observer -> new LocalRunner(Duration.ofSeconds(5), observer), gate,
          new GitWorktrees(repo.root(), runDir.resolve("worktrees")), options).run();
    }
  }

  private SortedMap<String, UnitRecord> units(String run) throws Exception {
    try (RunLedger ledger = RunLedger.open(tmp.resolve(run))) {
      return ledger.read(s -> new java.util.TreeMap<>(s.units()));
    }
  }

  private String output(String unit) throws Exception {
    JsonNode tfstate = new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile());
    return tfstate.path("outputs").path("value").path("value").asText();
  }
}
