package io.tglive.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.run.CommandResult;
import io.tglive.run.deploy.DeployOptions;
import io.tglive.run.deploy.Deployment;
import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.gate.Gate;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.gate.NoGate;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.run.terragrunt.TerragruntDialect;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rolls back real deployments with the real terragrunt and OpenTofu, local state and the
 * {@code random} provider from the filesystem mirror (skipped without the tools). The module's
 * {@code terraform_data} is replaced when its value changes, and its {@code local-exec} fails while
 * a marker file {@code fail-<value>} exists in the state folder, so applies fail on demand, during
 * the run or during the rollback. After each rollback a fresh plan of every unit at base shows no
 * changes.
 */
class RealRollbackTest {

  private static final String ROOT = """
      generate "backend" {
        path      = "backend.tf"
        if_exists = "overwrite_terragrunt"
        contents  = <<EOF
      terraform {
        backend "local" {
          path = "${get_env("TGLIVE_TEST_STATE")}/${path_relative_to_include()}/terraform.tfstate"
        }
      }
      EOF
      }
      """;

  private static final String MODULE = """
      variable "value" {
        type = string
      }
      variable "sleep" {
        type    = number
        default = 0
      }
      resource "terraform_data" "this" {
        input            = var.value
        triggers_replace = [var.value]
        provisioner "local-exec" {
          command = "sleep ${var.sleep}; if [ -e \\"$TGLIVE_TEST_STATE/fail-${var.value}\\" ]; then echo failing on purpose; exit 1; fi"
        }
      }
      output "value" {
        value = terraform_data.this.output
      }
      """;

  /** A provider new in the change, aliased so that the base configuration cannot plan its resources. */
  private static final String NEW_PROVIDER = """
      generate "pets" {
        path      = "pets.tf"
        if_exists = "overwrite_terragrunt"
        contents  = <<EOF
      provider "random" {
        alias = "extra"
      }
      resource "random_pet" "name" {
        provider = random.extra
        count    = 2
      }
      EOF
      }
      """;

  /** The {@code random} provider's default configuration, used at base. */
  private static final String BASE_RANDOM = """
      generate "pets" {
        path      = "pets.tf"
        if_exists = "overwrite_terragrunt"
        contents  = <<EOF
      resource "random_pet" "base" {}
      EOF
      }
      """;

  /** The same, plus a new alias of {@code random} (same source address) with resources under it. */
  private static final String NEW_ALIAS = """
      generate "pets" {
        path      = "pets.tf"
        if_exists = "overwrite_terragrunt"
        contents  = <<EOF
      resource "random_pet" "base" {}
      provider "random" {
        alias = "b"
      }
      resource "random_pet" "aliased" {
        provider = random.b
        count    = 2
      }
      EOF
      }
      """;

  @TempDir Path tmp;

  private Path state;
  private Map<String, String> environment;
  private TestRepo repo;

  @BeforeEach
  void tools() throws Exception {
    RealTools.assumeInstalled();
    state = Files.createDirectories(tmp.resolve("state"));
    // providers from the tools' mirror, wherever the tools directory is
    Path tofurc = tmp.resolve("tofurc");
    Files.writeString(tofurc, "provider_installation {\n  filesystem_mirror {\n    path = \""
        + RealTools.dir().resolve("providers/mirror") + "\"\n    include = [\"registry.opentofu.org/hashicorp/*\"]\n"
        + "  }\n}\n");
    environment = new HashMap<>(RealTools.env());
    environment.put("TF_CLI_CONFIG_FILE", tofurc.toString());
    environment.put("TGLIVE_TEST_STATE", state.toString());
    repo = TestRepo.init(tmp.resolve("repo"));
    repo.write("root.hcl", ROOT).write("modules/value/main.tf", MODULE).write("README.md", "live\n");
    repo.commit("empty");
  }

  @Test
  void aFailureInTheMiddleOfAChainRollsBackTheFailedUnitAndWhatWasAppliedBeforeIt() throws Exception {
    repo.branch("v1");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v1\""));
    repo.write("db/terragrunt.hcl", unit("value = \"db-on-${dependency.net.outputs.value}\"", "net"));
    repo.write("app/terragrunt.hcl", unit("value = \"app-on-${dependency.db.outputs.value}\"", "db"));
    repo.commit("v1");
    assertThat(deploy("main", "v1", "run1", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    repo.branch("v2");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v2\""));
    repo.commit("v2");
    Files.writeString(state.resolve("fail-db-on-net-v2"), "");
    assertThat(deploy("v1", "v2", "run2", new NoGate())).isEqualTo(RunOutcome.FAILED);
    assertThat(RunRecord.read(tmp.resolve("run2")).units().get("app").status()).isEqualTo(UnitStatus.BLOCKED);

    RollbackPlan plan = plan("run2", RollbackMode.ALL);
    assertThat(plan.steps()).extracting(RollbackStep::id).containsExactly("net", "db");
    RollbackResult result = rollback("run2", plan, new NoGate());
    assertThat(result.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(output("net")).isEqualTo("net-v1");
    assertThat(output("db")).isEqualTo("db-on-net-v1");
    assertFreshPlansShowNoChanges("v1", "net", "db", "app");
  }

  @Test
  void aRejectedLeafRollsBackTheUnitsAppliedBeforeIt() throws Exception {
    repo.branch("v1");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v1\""));
    repo.write("app/terragrunt.hcl", unit("value = \"app-on-${dependency.net.outputs.value}\"", "net"));
    repo.commit("v1");
    assertThat(deploy("main", "v1", "run1", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    repo.branch("v2");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v2\""));
    repo.commit("v2");
    Gate rejectApp = (unit, policy, plan) -> unit.equals("app")
        ? GateDecision.reject("alice", "not with this net") : GateDecision.approve("alice", "");
    assertThat(deploy("v1", "v2", "run2", rejectApp)).isEqualTo(RunOutcome.REJECTED);

    RollbackPlan plan = plan("run2", RollbackMode.ALL);
    assertThat(plan.steps()).extracting(RollbackStep::id).containsExactly("net");
    assertThat(rollback("run2", plan, new NoGate()).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(output("net")).isEqualTo("net-v1");
    assertFreshPlansShowNoChanges("v1", "net", "app");
  }

  @Test
  void aNewUnitIsDestroyedAndTheResourcesOfANewProviderAreDestroyedByTargetBeforeTheBaseApplies()
      throws Exception {
    repo.branch("v1");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v1\""));
    repo.commit("v1");
    assertThat(deploy("main", "v1", "run1", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    repo.branch("v2");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v2\"") + NEW_PROVIDER);
    repo.write("extra/terragrunt.hcl", unit("value = \"extra-on-${dependency.net.outputs.value}\"", "net"));
    repo.commit("v2");
    assertThat(deploy("v1", "v2", "run2", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(stateResources("net")).contains("random_pet");

    RollbackPlan plan = plan("run2", RollbackMode.ALL);
    assertThat(plan.steps()).extracting(RollbackStep::id).containsExactly("extra", "net#new-providers", "net");
    assertThat(plan.steps().get(0).action()).isEqualTo(RollbackAction.DESTROY_ADDED);
    assertThat(plan.steps().get(1).targets()).containsExactly("random_pet.name[0]", "random_pet.name[1]");
    assertThat(plan.steps().get(1).providers()).containsExactly("registry.opentofu.org/hashicorp/random");
    RollbackResult result = rollback("run2", plan, new NoGate());
    assertThat(result.outcome()).as("%s", result.lines()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(stateResources("net")).as("the new provider's resources are really destroyed")
        .doesNotContain("random_pet").contains("terraform_data");
    assertThat(stateResources("extra")).doesNotContain("terraform_data");
    assertThat(output("net")).isEqualTo("net-v1");
    assertFreshPlansShowNoChanges("v1", "net");
  }

  @Test
  void theResourcesOfANewAliasOfAProviderTheBaseUsedAreDestroyedByTargetThoughBothLockFilesNameTheProvider()
      throws Exception {
    repo.branch("v1");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v1\"") + BASE_RANDOM);
    repo.commit("v1");
    assertThat(deploy("main", "v1", "run1", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    // commit the lock file tofu init wrote (it names random): base and head then both have it
    repo.write("net/.terraform.lock.hcl", lockFileWritten("run1", "net"));
    repo.commit("v1 lock");
    repo.branch("v2");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v2\"") + NEW_ALIAS);
    repo.commit("v2");
    String basePet = resourceId("net", "random_pet", "base");
    assertThat(deploy("v1", "v2", "run2", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(stateResources("net")).contains("\"aliased\"");

    RollbackPlan plan = plan("run2", RollbackMode.ALL);
    assertThat(plan.steps()).extracting(RollbackStep::id).containsExactly("net#new-providers", "net");
    RollbackStep destroy = plan.steps().get(0);
    assertThat(destroy.targets()).containsExactly("random_pet.aliased[0]", "random_pet.aliased[1]");
    assertThat(destroy.providers()).containsExactly("provider[\"registry.opentofu.org/hashicorp/random\"].b");
    assertThat(destroy.describe()).contains("its base configuration cannot plan resources of "
        + "provider[\"registry.opentofu.org/hashicorp/random\"].b");
    RollbackResult result = rollback("run2", plan, new NoGate());
    assertThat(result.outcome()).as("%s", result.lines()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(stateResources("net")).as("the new alias's resources are really destroyed")
        .doesNotContain("\"aliased\"");
    assertThat(resourceId("net", "random_pet", "base")).as("the base's own pet is kept").isEqualTo(basePet);
    assertThat(output("net")).isEqualTo("net-v1");
    assertFreshPlansShowNoChanges("v1", "net");
  }

  @Test
  void aDeletedUnitTheRunDestroyedIsAppliedAgainFromBase() throws Exception {
    repo.branch("v1");
    repo.write("old/terragrunt.hcl", unit("value = \"old-v1\""));
    repo.write("app/terragrunt.hcl", unit("value = \"app-on-${dependency.old.outputs.value}\"", "old"));
    repo.commit("v1");
    assertThat(deploy("main", "v1", "run1", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    repo.branch("v2");
    repo.delete("old/terragrunt.hcl");
    repo.write("app/terragrunt.hcl", unit("value = \"app-alone\""));
    repo.commit("v2");
    assertThat(deploy("v1", "v2", "run2", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(stateResources("old")).doesNotContain("terraform_data");

    RollbackPlan plan = plan("run2", RollbackMode.ALL);
    assertThat(plan.steps()).extracting(RollbackStep::id).containsExactly("old", "app");
    assertThat(plan.steps().get(0).action()).isEqualTo(RollbackAction.RESTORE_DELETED);
    assertThat(rollback("run2", plan, new NoGate()).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(output("old")).isEqualTo("old-v1");
    assertThat(output("app")).isEqualTo("app-on-old-v1");
    assertFreshPlansShowNoChanges("v1", "old", "app");
  }

  @Test
  void aSelectiveRollbackTakesBackTheUnitsThatWereAppliedAgainstItAndLeavesTheRest() throws Exception {
    repo.branch("v1");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v1\""));
    repo.write("app/terragrunt.hcl", unit("value = \"app-on-${dependency.net.outputs.value}\"", "net"));
    repo.write("other/terragrunt.hcl", unit("value = \"other-v1\""));
    repo.commit("v1");
    assertThat(deploy("main", "v1", "run1", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    repo.branch("v2");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v2\""));
    repo.write("other/terragrunt.hcl", unit("value = \"other-v2\""));
    repo.commit("v2");
    assertThat(deploy("v1", "v2", "run2", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);

    RollbackPlan plan = plan("run2", RollbackMode.SELECTIVE, "net");
    assertThat(plan.steps()).extracting(RollbackStep::id).containsExactly("net", "app");
    assertThat(plan.steps().get(1).why()).isEqualTo(
        "rolls back with net: it was applied after net, against its new version");
    assertThat(rollback("run2", plan, new NoGate()).outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    assertThat(output("app")).isEqualTo("app-on-net-v1");
    assertThat(output("other")).isEqualTo("other-v2");
    assertFreshPlansShowNoChanges("v1", "net", "app");
    assertFreshPlansShowNoChanges("v2", "other");
  }

  @Test
  void aFailingRollbackStopsReportsWhatIsLeftAndNeverRunsAgain() throws Exception {
    repo.branch("v1");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v1\""));
    repo.write("app/terragrunt.hcl", unit("value = \"app-on-${dependency.net.outputs.value}\"", "net"));
    repo.commit("v1");
    assertThat(deploy("main", "v1", "run1", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);
    repo.branch("v2");
    repo.write("net/terragrunt.hcl", unit("value = \"net-v2\""));
    repo.commit("v2");
    assertThat(deploy("v1", "v2", "run2", new NoGate())).isEqualTo(RunOutcome.SUCCEEDED);

    Files.writeString(state.resolve("fail-app-on-net-v1"), ""); // app's rollback re-creates it on net-v1: fails
    RollbackPlan plan = plan("run2", RollbackMode.ALL);
    RollbackResult result = rollback("run2", plan, new NoGate());
    assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
    assertThat(result.done()).extracting(RollbackStep::id).containsExactly("net");
    assertThat(result.left()).extracting(left -> left.step().id() + " " + left.status().label())
        .containsExactly("app failed");
    assertThat(result.left().get(0).message()).startsWith("apply failed (exit 1)");
    assertThat(result.lines()).contains("  left to fix: apply base: app — failed: " + result.left().get(0).message());
    assertThat(output("net")).isEqualTo("net-v1");
    RunHeader run = RunRecord.read(tmp.resolve("run2")).header();
    assertThatThrownBy(() -> RollbackRun.resume(tmp.resolve("run2"), run)).isInstanceOf(RollbackException.class)
        .hasMessageContaining("a rollback runs once");
  }

  private String unit(String inputs, String... dependencies) {
    StringBuilder hcl = new StringBuilder("""
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        terraform {
          source = "../modules/value"
        }
        """);
    for (String dependency : dependencies) {
      hcl.append("dependency \"").append(dependency).append("\" {\n  config_path = \"../").append(dependency)
          .append("\"\n}\n");
    }
    return hcl.append("inputs = {\n").append(inputs).append("\n}\n").toString();
  }

  private DeployOptions options() {
    return DeployOptions.defaults(4).withEnvironment(environment).withCommands(account -> settings());
  }

  private static CommandSettings settings() {
    return CommandSettings.DEFAULT.withTerragrunt(List.of(RealTools.terragrunt().toString()))
        .withTimeout(Duration.ofMinutes(5));
  }

  private RunOutcome deploy(String base, String head, String run, Gate gate) throws Exception {
    StackResult stack = StackPlanner.plan(repo.root(), StackRequest.of(base, head));
    assertThat(stack.complete()).as("stack complete: %s", stack.unresolved()).isTrue();
    Path runDir = tmp.resolve(run);
    try (RunLedger ledger = RunLedger.create(runDir, RunHeader.of(run, repo.root().toString(), base, head, stack))) {
      return new Deployment(ledger, observer -> new LocalRunner(Duration.ofSeconds(5), observer), gate,
          new GitWorktrees(repo.root(), runDir.resolve("worktrees")), options()).run();
    }
  }

  private RollbackPlan plan(String run, RollbackMode mode, String... units) throws Exception {
    RunRecord record = RunRecord.read(tmp.resolve(run));
    RunHeader header = record.header();
    TerragruntCommands commands = new TerragruntCommands(settings(), TerragruntDialect.V1, environment);
    UnitFacts facts = new TreeFacts(repo.root(), header.baseCommit(), header.headCommit(), record.units(),
        new TerragruntStates(header.headCommit(), new GitWorktrees(repo.root(), tmp.resolve(run).resolve("worktrees")),
            new LocalRunner(Duration.ofSeconds(5), ProcessObserver.NONE), unit -> commands,
            new UnitLogs(tmp.resolve(run).resolve("rollback-facts"))));
    return RollbackPlanner.plan(header, record.units(), mode, List.of(units), facts, RunUnitPolicies::of, 3);
  }

  private RollbackResult rollback(String run, RollbackPlan plan, Gate gate) throws Exception {
    Path runDir = tmp.resolve(run);
    try (RollbackRun rollback = RollbackRun.start(runDir, RunRecord.read(runDir).header(), plan)) {
      return rollback.execute(observer -> new LocalRunner(Duration.ofSeconds(5), observer), gate,
          new GitWorktrees(repo.root(), runDir.resolve("worktrees")), options());
    }
  }

  /** Plans every unit in a fresh worktree of {@code ref}: exit 0 of {@code -detailed-exitcode} is no changes. */
  private void assertFreshPlansShowNoChanges(String ref, String... units) throws Exception {
    Path worktree = tmp.resolve("verify-" + ref + "-" + System.nanoTime());
    String commit = repo.repository().resolve(ref).name();
    GitWorktrees fresh = new GitWorktrees(repo.root(), worktree);
    LocalRunner runner = new LocalRunner(Duration.ofSeconds(5), ProcessObserver.NONE);
    TerragruntCommands commands = new TerragruntCommands(settings(), TerragruntDialect.V1, environment);
    for (String unit : units) {
      Path directory = fresh.root(commit).resolve(unit);
      Path planFile = worktree.resolve(unit.replace('/', '_') + ".tfplan");
      StringBuilder log = new StringBuilder();
      CommandResult result = runner.run(commands.plan(unit, directory, commit, planFile, false),
          line -> log.append(line).append('\n'));
      assertThat(result.exitCode()).as("fresh plan of %s at %s shows no changes:\n%s", unit, ref, log).isZero();
    }
  }

  private String output(String unit) throws Exception {
    JsonNode tfstate = new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile());
    return tfstate.path("outputs").path("value").path("value").asText();
  }

  private String stateResources(String unit) throws Exception {
    JsonNode tfstate = new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile());
    return tfstate.path("resources").toString();
  }

  private String resourceId(String unit, String type, String name) throws Exception {
    JsonNode tfstate = new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile());
    for (JsonNode resource : tfstate.path("resources")) {
      if (resource.path("type").asText().equals(type) && resource.path("name").asText().equals(name)) {
        return resource.path("instances").path(0).path("attributes").path("id").asText();
      }
    }
    throw new AssertionError("no " + type + "." + name + " in the state of " + unit);
  }

  /** The {@code .terraform.lock.hcl} that {@code tofu init} wrote for {@code unit} during a run. */
  private String lockFileWritten(String run, String unit) throws Exception {
    try (var files = Files.walk(tmp.resolve(run).resolve("worktrees"))) {
      Path lock = files.filter(file -> file.getFileName().toString().equals(".terraform.lock.hcl"))
          .filter(file -> file.getParent().getFileName().toString().equals(unit))
          .findFirst().orElseThrow(() -> new AssertionError("no lock file written for " + unit));
      String text = Files.readString(lock);
      assertThat(text).contains("registry.opentofu.org/hashicorp/random");
      return text;
    }
  }
}
