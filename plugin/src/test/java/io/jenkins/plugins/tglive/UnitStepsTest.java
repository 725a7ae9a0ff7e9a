package io.jenkins.plugins.tglive;

import static io.jenkins.plugins.tglive.LiveRepoFiles.commit;
import static io.jenkins.plugins.tglive.LiveRepoFiles.tools;
import static io.jenkins.plugins.tglive.LiveRepoFiles.write;
import static io.jenkins.plugins.tglive.LiveRepoFiles.writeRoot;
import static io.jenkins.plugins.tglive.LiveRepoFiles.writeValueModule;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code tgPlanPath} and {@code tgApplyPath} in real Pipelines with the real terragrunt and OpenTofu
 * (skipped, saying so, where {@code scripts/install-tools} has not built them): one branch per unit, a
 * dependent's plan waiting for its dependency's apply, and a wait that survives a controller restart.
 */
class UnitStepsTest {

  @RegisterExtension private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();
  @RegisterExtension private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  @TempDir Path dir;

  private Path tools;

  @BeforeEach
  void repository() throws Exception {
    tools = tools();
    Path repo = dir.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      writeRoot(repo);
      writeValueModule(repo);
      commit(git, "base");
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(repo, "net/terragrunt.hcl", unit("value = \"net\"", ""));
      write(repo, "app/terragrunt.hcl", unit("value = \"app-on-${dependency.net.outputs.value}\"",
          "dependency \"net\" {\n  config_path = \"../net\"\n}\n"));
      commit(git, "units");
    }
  }

  /** The Jenkinsfile of examples/, with the tools on the agent and a semaphore before net's plan. */
  private String pipeline(boolean pauseNet) {
    return "node {\n"
        + "  withEnv(['TG_TF_PATH=" + tools.resolve("bin/tofu") + "', 'TF_CLI_CONFIG_FILE="
        + tools.resolve("providers/tofurc") + "', 'TGLIVE_TEST_STATE=" + dir.resolve("state") + "']) {\n"
        + "    def units = terragruntStack(dir: '" + dir.resolve("repo") + "', base: 'main', head: 'feature')\n"
        + "    def branches = [:]\n"
        + "    for (unit in units) {\n"
        + "      def u = unit\n"
        + "      branches[u.path] = {\n"
        + "      stage(u.path) {\n"
        + (pauseNet ? "        if (u.path == 'net') { semaphore 'net' }\n" : "")
        + "        def plan = tgPlanPath(path: u.path, terragrunt: '" + tools.resolve("bin/terragrunt") + "')\n"
        + "        echo \"planned ${u.path}: changes=${plan.changes} add=${plan.add} gate=${plan.gateRequired}\"\n"
        + "        if (plan.changes) {\n"
        + "          def applied = tgApplyPath(path: u.path, terragrunt: '" + tools.resolve("bin/terragrunt") + "')\n"
        + "          echo \"applied ${u.path}: ${applied.applied}\"\n"
        + "        }\n"
        + "      }\n"
        + "      }\n"
        + "    }\n"
        + "    parallel branches\n"
        + "  }\n"
        + "}\n";
  }

  @Test
  void eachUnitIsABranchAndADependentIsPlannedAfterItsDependencyIsApplied() throws Throwable {
    sessions.then(r -> {
      WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
      p.setDefinition(new CpsFlowDefinition(pipeline(false), true));
      WorkflowRun b = r.buildAndAssertSuccess(p);
      r.assertLogContains("planned net: changes=true add=1 gate=false", b);
      r.assertLogContains("applied app: true", b);
      String journal = Files.readString(b.getRootDir().toPath().resolve("tglive/journal.jsonl"));
      assertThat(journal.indexOf("\"type\":\"APPLIED\",\"unit\":\"net\""))
          .isLessThan(journal.indexOf("\"type\":\"PLANNING\",\"unit\":\"app\""));
      assertThat(Files.readString(dir.resolve("state/app/terraform.tfstate"))).contains("app-on-net");
      assertThat(r.createWebClient().goTo(b.getUrl() + "tglive/").getWebResponse().getContentAsString())
          .contains("data-unit=\"app\" data-status=\"applied\"");
    });
  }

  @Test
  void aPlanWaitingForItsDependencySurvivesARestart() throws Throwable {
    sessions.then(r -> {
      WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
      p.setDefinition(new CpsFlowDefinition(pipeline(true), true));
      WorkflowRun b = p.scheduleBuild2(0).waitForStart();
      SemaphoreStep.waitForStart("net/1", b);
      r.waitForMessage("tgPlanPath: app waits for net", b);
    });
    sessions.then(r -> {
      WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
      SemaphoreStep.success("net/1", null);
      r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
      r.assertLogContains("applied app: true", b);
      String journal = Files.readString(b.getRootDir().toPath().resolve("tglive/journal.jsonl"));
      assertThat(journal).contains("\"type\":\"RUN_RESUMED\"").contains("\"outcome\":\"succeeded\"");
    });
  }

  private static String unit(String inputs, String more) {
    return LiveRepoFiles.unit("../modules/value", inputs, more);
  }
}
