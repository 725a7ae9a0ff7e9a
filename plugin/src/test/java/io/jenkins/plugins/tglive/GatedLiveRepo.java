package io.jenkins.plugins.tglive;

import static io.jenkins.plugins.tglive.LiveRepoFiles.commit;
import static io.jenkins.plugins.tglive.LiveRepoFiles.tools;
import static io.jenkins.plugins.tglive.LiveRepoFiles.write;
import static io.jenkins.plugins.tglive.LiveRepoFiles.writeRoot;
import static io.jenkins.plugins.tglive.LiveRepoFiles.writeValueModule;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;

/**
 * A live repository for the approval gate tests: branch {@code feature} adds {@code live/net}
 * (account {@code net}: 2 approvals or 2 rejections of alice, bob, carol, dana or a member of
 * {@code leads}) and {@code live/app}, which depends on it (account {@code app}: no gate), deployed
 * by a Pipeline with the real terragrunt and OpenTofu (the tests are skipped, saying so, where
 * {@code scripts/install-tools} has not built them). The change's author is {@code dana}.
 */
final class GatedLiveRepo {

  /** The gated unit. */
  static final String NET = "live/net";
  /** Its dependent, not gated. */
  static final String APP = "live/app";

  private final Path dir;
  private final Path tools;

  private GatedLiveRepo(Path dir, Path tools) {
    this.dir = dir;
    this.tools = tools;
  }

  /** Writes the repository under {@code dir}; skips the test when the real tools are not installed. */
  static GatedLiveRepo create(Path dir) throws Exception {
    Path tools = tools();
    Path repo = dir.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(repo, ".tglive.yaml", """
          accounts:
            - name: net
              path: live/net
              voters: [alice, bob, carol, dana, "group:leads"]
              approvalsRequired: 2
              rejectionsRequired: 2
            - name: app
              path: live/app
              voters: [alice]
              approvalsRequired: 0
              rejectionsRequired: 1
          """);
      writeRoot(repo);
      writeValueModule(repo);
      commit(git, "base");
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(repo, "live/net/terragrunt.hcl", unit("value = \"net\"", ""));
      write(repo, "live/app/terragrunt.hcl", unit("value = \"app-on-${dependency.net.outputs.value}\"",
          "dependency \"net\" {\n  config_path = \"../net\"\n}\n"));
      commit(git, "units");
    }
    return new GatedLiveRepo(dir, tools);
  }

  /** Where the units' state files are. */
  Path state(String unit) {
    return dir.resolve("state").resolve(unit).resolve("terraform.tfstate");
  }

  /**
   * The Jenkinsfile of examples/ with the tools on the agent: one branch per unit, plan, gate (the
   * change's author being dana), apply; it prints what the gate step returned.
   */
  String pipeline() {
    String terragrunt = tools.resolve("bin/terragrunt").toString();
    return "node {\n"
        + "  withEnv(['TG_TF_PATH=" + tools.resolve("bin/tofu") + "', 'TF_CLI_CONFIG_FILE="
        + tools.resolve("providers/tofurc") + "', 'TGLIVE_TEST_STATE=" + dir.resolve("state") + "']) {\n"
        + "    def units = terragruntStack(dir: '" + dir.resolve("repo") + "', base: 'main', head: 'feature')\n"
        + "    def branches = [:]\n"
        + "    for (unit in units) {\n"
        + "      def u = unit\n"
        + "      branches[u.path] = {\n"
        + "        def plan = tgPlanPath(path: u.path, terragrunt: '" + terragrunt + "')\n"
        + "        if (plan.changes) {\n"
        + "          if (plan.gateRequired) {\n"
        + "            def gate = withEnv(['CHANGE_AUTHOR=dana']) { tgApprovalGate(path: u.path) }\n"
        + "            echo \"gate ${u.path}: approved=${gate.approved} plan=${gate.planHash} votes=${gate.votes.collect { it.voter + ':' + it.decision + ':' + it.comment }}\"\n"
        + "          }\n"
        + "          def applied = tgApplyPath(path: u.path, terragrunt: '" + terragrunt + "')\n"
        + "          echo \"applied ${u.path}: ${applied.applied}\"\n"
        + "        }\n"
        + "      }\n"
        + "    }\n"
        + "    parallel branches\n"
        + "  }\n"
        + "}\n";
  }

  private static String unit(String inputs, String more) {
    return LiveRepoFiles.unit("../../modules/value", inputs, more);
  }
}
