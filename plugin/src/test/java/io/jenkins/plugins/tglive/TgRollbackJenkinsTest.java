package io.jenkins.plugins.tglive;

import static io.jenkins.plugins.tglive.LiveRepoFiles.commit;
import static io.jenkins.plugins.tglive.LiveRepoFiles.tools;
import static io.jenkins.plugins.tglive.LiveRepoFiles.write;
import static io.jenkins.plugins.tglive.LiveRepoFiles.writeRoot;
import static io.jenkins.plugins.tglive.LiveRepoFiles.writeValueModule;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Result;
import io.tglive.approval.Membership;
import io.tglive.rollback.ModeVote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code tgRollback} in a real Pipeline with the real terragrunt and OpenTofu (skipped, saying so,
 * where {@code scripts/install-tools} has not built them), as {@code examples/Jenkinsfile-rollback}
 * runs it: a chain fails after its first unit was applied, the rollback voter chooses {@code all} at
 * {@code tgRollbackGate}, each unit rolls back in its own branch, and {@code tgRollbackResult} says
 * what was rolled back; afterwards the applied unit's state holds nothing.
 */
class TgRollbackJenkinsTest {

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
      write(repo, ".tglive.yaml", """
          accounts:
            - name: live
              path: ""
              voters: [alice]
              approvalsRequired: 0
              rollbackVoters: [oncall]
              rollbackApprovalsRequired: 0
          """);
      commit(git, "base");
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(repo, "net/terragrunt.hcl", unit("value = \"net\"", ""));
      write(repo, "app/terragrunt.hcl", unit("value = \"app-on-${dependency.net.outputs.value}\"",
          "dependency \"net\" {\n  config_path = \"../net\"\n}\n"));
      commit(git, "units");
    }
  }

  /** examples/Jenkinsfile-rollback, with the tools on the agent and app's branch failing before its plan. */
  private String pipeline() {
    String terragrunt = "terragrunt: '" + tools.resolve("bin/terragrunt") + "'";
    return "node {\n"
        + "  withEnv(['TG_TF_PATH=" + tools.resolve("bin/tofu") + "', 'TF_CLI_CONFIG_FILE="
        + tools.resolve("providers/tofurc") + "', 'TGLIVE_TEST_STATE=" + dir.resolve("state") + "']) {\n"
        + "    def units = terragruntStack(dir: '" + dir.resolve("repo") + "', base: 'main', head: 'feature')\n"
        + "    def branches = [:]\n"
        + "    for (unit in units) {\n"
        + "      def u = unit\n"
        + "      branches[u.path] = {\n"
        + "        stage(u.path) {\n"
        + "          if (u.path == 'app') { error 'app cannot deploy' }\n"
        + "          def plan = tgPlanPath(path: u.path, " + terragrunt + ")\n"
        + "          if (plan.changes) { tgApplyPath(path: u.path, " + terragrunt + ") }\n"
        + "        }\n"
        + "      }\n"
        + "    }\n"
        + "    try {\n"
        + "      parallel branches\n"
        + "    } catch (deployFailure) {\n"
        + "      def mode = tgRollbackGate(choices: ['all', 'none'])\n"
        + "      echo \"mode chosen: ${mode}\"\n"
        + "      def rollback = tgRollback(mode: mode, " + terragrunt + ")\n"
        + "      def steps = [:]\n"
        + "      for (unit in rollback.units) {\n"
        + "        def r = unit\n"
        + "        steps[\"rollback ${r.path}\"] = {\n"
        + "          stage(\"rollback ${r.path}\") {\n"
        + "            for (id in r.steps) {\n"
        + "              def plan = tgPlanPath(path: id, rollback: true, " + terragrunt + ")\n"
        + "              if (plan.changes) {\n"
        + "                if (plan.gateRequired) { tgApprovalGate(path: id, rollback: true) }\n"
        + "                tgApplyPath(path: id, rollback: true, " + terragrunt + ")\n"
        + "              }\n"
        + "            }\n"
        + "          }\n"
        + "        }\n"
        + "      }\n"
        + "      try {\n"
        + "        parallel steps\n"
        + "      } finally {\n"
        + "        def result = tgRollbackResult()\n"
        + "        echo \"rollback outcome: ${result.outcome}, done: ${result.done.collect { it.id }}\"\n"
        + "      }\n"
        + "      throw deployFailure\n"
        + "    }\n"
        + "  }\n"
        + "}\n";
  }

  @Test
  void aFailedChainIsRolledBackOneBranchPerUnitInTheModeTheRollbackVoterChose() throws Throwable {
    sessions.then(r -> {
      WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
      p.setDefinition(new CpsFlowDefinition(pipeline(), true));
      WorkflowRun b = p.scheduleBuild2(0).waitForStart();
      r.waitForMessage("tgRollbackGate: choose the rollback mode (all, none)", b);
      Path runDirectory = b.getRootDir().toPath().resolve("tglive");
      assertThat(ModeVote.vote(runDirectory, "alice", Membership.NONE, "all", "", Clock.systemUTC()).outcome())
          .as("alice votes on the change, not on its rollback").isEqualTo(ModeVote.Outcome.NOT_A_VOTER);
      assertThat(ModeVote.vote(runDirectory, "oncall", Membership.NONE, "all", "roll back", Clock.systemUTC())
          .outcome()).isEqualTo(ModeVote.Outcome.RECORDED);

      r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b));
      r.assertLogContains("mode chosen: all", b);
      r.assertLogContains("tgRollback:   1. destroy (added by the change): net", b);
      r.assertLogContains("rollback outcome: succeeded, done: [net]", b);
      assertThat(new ObjectMapper().readTree(dir.resolve("state/net/terraform.tfstate").toFile())
          .path("resources").size()).isZero();
      assertThat(Files.readString(runDirectory.resolve("rollback/journal.jsonl")))
          .contains("\"type\":\"APPLIED\",\"unit\":\"net\"").contains("\"outcome\":\"succeeded\"");
    });
  }

  private static String unit(String inputs, String more) {
    return LiveRepoFiles.unit("../modules/value", inputs, more);
  }
}
