package io.jenkins.plugins.tglive;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    String configured = System.getenv("TGLIVE_TOOLS_DIR");
    Path tools = configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of("").toAbsolutePath().getParent().resolve(".tools");
    assumeTrue(Files.isExecutable(tools.resolve("bin/terragrunt")),
        () -> "real terragrunt/tofu not installed in " + tools + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
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
      write(repo, "root.hcl", """
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
          """);
      write(repo, "modules/value/main.tf", """
          variable "value" {
            type = string
          }
          resource "terraform_data" "this" {
            input = var.value
          }
          output "value" {
            value = terraform_data.this.output
          }
          """);
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
    return "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n"
        + "terraform {\n  source = \"../../modules/value\"\n}\n" + more + "inputs = {\n" + inputs + "\n}\n";
  }

  private static void write(Path repo, String path, String content) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com")
        .setSign(false).call();
  }
}
