package io.tglive.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.preview.render.PreviewFormat;
import io.tglive.run.deploy.DeployOptions;
import io.tglive.run.deploy.Deployment;
import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.deploy.RealLiveRepo;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.gate.NoGate;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.stack.StackAction;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Previews a pull request with the real terragrunt and OpenTofu (skipped where they are not
 * installed) against state a real deployment wrote: plans read real state and real dependency
 * outputs, nothing is applied, a unit whose dependency changes waits for it.
 */
class RealPreviewTest {

  private static final String ACCOUNTS = """
      accounts:
        - name: shared
          path: other
          voters: [alice, bob]
          approvalsRequired: 2
          rejectionsRequired: 1
      """;

  @TempDir Path tmp;

  private Path state;

  @BeforeEach
  void tools() throws Exception {
    RealTools.assumeInstalled();
    state = Files.createDirectories(tmp.resolve("state"));
  }

  @Test
  void plansEveryUnitWhoseDependenciesAreUnchangedAndAppliesNothing() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("v1");
      repo.write(".tglive.yaml", ACCOUNTS);
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net-v1\""));
      repo.write("app/terragrunt.hcl", RealLiveRepo.unit("value = \"app-on-${dependency.net.outputs.value}\"", "net"));
      repo.write("other/terragrunt.hcl", RealLiveRepo.unit("value = \"other-v1\""));
      repo.write("quiet/terragrunt.hcl", RealLiveRepo.unit("value = \"quiet\""));
      repo.write("doomed/terragrunt.hcl", RealLiveRepo.unit("value = \"doomed\""));
      repo.write("stable/terragrunt.hcl", RealLiveRepo.unit("value = \"stable\""));
      repo.commit("v1");
      assertThat(deploy(repo, "main", "v1")).isEqualTo(RunOutcome.SUCCEEDED);
      Map<String, String> stateBefore = stateFiles();

      repo.branch("pr");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net-v2\""));
      repo.write("other/terragrunt.hcl", RealLiveRepo.unit("value = \"other-v2\""));
      repo.write("quiet/terragrunt.hcl", "# a comment changes nothing\n" + RealLiveRepo.unit("value = \"quiet\""));
      repo.write("fresh/terragrunt.hcl", RealLiveRepo.unit("value = \"fresh\""));
      repo.write("broken/terragrunt.hcl", RealLiveRepo.unit("value = \"broken\"\nsleep = \"not-a-number\""));
      repo.delete("doomed/terragrunt.hcl");
      repo.commit("pr");

      StackResult stack = StackPlanner.plan(repo.root(), StackRequest.of("v1", "pr"));
      PreviewSummary summary = preview(repo, stack, 4);
      Map<String, PreviewUnit> units = summary.units().stream()
          .collect(Collectors.toMap(PreviewUnit::path, Function.identity()));

      assertThat(units).containsOnlyKeys("net", "app", "other", "quiet", "fresh", "broken", "doomed");
      assertThat(units.get("net").status()).isEqualTo(PreviewStatus.CHANGES);
      assertThat(units.get("net").plan().changes()).containsExactly("update terraform_data.this");
      assertThat(units.get("net").plan().outputs()).containsExactly("value");
      assertThat(units.get("app").status()).as("app reads net's output, which the change alters")
          .isEqualTo(PreviewStatus.WAITING);
      assertThat(units.get("app").outcome()).isEqualTo("planned after net applies");
      assertThat(units.get("app").reasons()).containsExactly("dependent-of:net");
      assertThat(units.get("other").plan().counts()).startsWith("0 to create, 1 to update, 0 to delete");
      assertThat(units.get("other").gate()).isEqualTo("shared: 2 of alice, bob (1 rejection stops)");
      assertThat(units.get("net").gate()).isEqualTo("none");
      assertThat(units.get("quiet").status()).isEqualTo(PreviewStatus.NO_CHANGES);
      assertThat(units.get("fresh").plan().changes()).containsExactly("create terraform_data.this");
      assertThat(units.get("doomed").action()).isEqualTo(StackAction.DESTROY);
      assertThat(units.get("doomed").plan().changes()).containsExactly("delete terraform_data.this");
      assertThat(units.get("broken").status()).isEqualTo(PreviewStatus.FAILED);
      assertThat(units.get("broken").message()).startsWith("plan exited 1: ").contains("sleep");
      assertThat(summary.ok()).isFalse();
      assertThat(summary.headline())
          .isEqualTo("4 to change, 1 without changes, 1 plan failed, 1 planned after its dependencies apply");

      assertThat(stateFiles()).as("no state was written: nothing applied").isEqualTo(stateBefore);
      assertThat(state.resolve("fresh/terraform.tfstate")).doesNotExist();
      assertThat(Files.readString(tmp.resolve("preview/logs/net.log"))).contains("-lock=false");

      JsonNode json = new ObjectMapper().readTree(PreviewFormat.JSON.render(summary));
      assertThat(json.path("units").get(0).path("path").asText()).isIn("broken", "doomed", "fresh", "net", "other",
          "quiet");
      assertThat(json.path("ok").asBoolean()).isFalse();
      String markdown = PreviewFormat.MARKDOWN.render(summary);
      assertThat(markdown).contains("| app | apply | ⏳ planned after net applies | none | dependent-of&#58;net |");
      System.out.printf("preview of 7 units, 6 planned with parallelism 4: wall %d ms, sum of plan times %d ms%n",
          summary.elapsed().toMillis(), summary.planTime().toMillis());
    }
  }

  @Test
  void aPullRequestWithoutUnitsToDeployPlansNothing() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("pr");
      repo.write("README.md", "only docs\n");
      repo.write(".tglive.yaml", "ignore: [\"**/*.md\"]\n");
      repo.commit("docs");
      StackResult stack = StackPlanner.plan(repo.root(), StackRequest.of("main", "pr"));
      PreviewSummary summary = preview(repo, stack, 2);
      assertThat(summary.units()).isEmpty();
      assertThat(summary.headline()).isEqualTo("no units to deploy");
      assertThat(tmp.resolve("preview/worktrees")).doesNotExist();
    }
  }

  private PreviewSummary preview(TestRepo repo, StackResult stack, int parallelism) throws Exception {
    Path directory = tmp.resolve("preview");
    return new Preview(new LocalRunner(Duration.ofSeconds(5), ProcessObserver.NONE),
        new GitWorktrees(repo.root(), directory.resolve("worktrees")), directory,
        PreviewOptions.of(parallelism, settings(), environment())).preview(stack, "test");
  }

  private RunOutcome deploy(TestRepo repo, String base, String head) throws Exception {
    StackResult stack = StackPlanner.plan(repo.root(), StackRequest.of(base, head));
    Path runDir = tmp.resolve("run");
    DeployOptions options = DeployOptions.defaults(4).withEnvironment(environment()).withCommands(account -> settings());
    try (RunLedger ledger = RunLedger.create(runDir, RunHeader.of("run", repo.root().toString(), base, head, stack))) {
      return new Deployment(ledger, observer -> new LocalRunner(Duration.ofSeconds(5), observer), new NoGate(),
          new GitWorktrees(repo.root(), runDir.resolve("worktrees")), options).run();
    }
  }

  private static CommandSettings settings() {
    return CommandSettings.DEFAULT.withTerragrunt(List.of(RealTools.terragrunt().toString()))
        .withTimeout(Duration.ofMinutes(5));
  }

  private Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(RealTools.env());
    environment.put("TGLIVE_TEST_STATE", state.toString());
    return environment;
  }

  /** Every state file's content by path. */
  private Map<String, String> stateFiles() throws Exception {
    try (var files = Files.walk(state)) {
      Map<String, String> contents = new HashMap<>();
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(state.relativize(file).toString(), Files.readString(file));
      }
      return contents;
    }
  }
}
