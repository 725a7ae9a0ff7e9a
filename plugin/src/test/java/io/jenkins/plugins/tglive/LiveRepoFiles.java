package io.jenkins.plugins.tglive;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;

/**
 * What the plugin's Jenkins tests share to build live repositories for the real terragrunt and
 * OpenTofu: where the tools are, the root configuration with local state under
 * {@code TGLIVE_TEST_STATE}, a one-value module, units that use it, files and commits.
 */
final class LiveRepoFiles {

  private LiveRepoFiles() {}

  /** {@code TGLIVE_TOOLS_DIR}, else the repository's {@code .tools}. */
  static Path toolsDir() {
    String configured = System.getenv("TGLIVE_TOOLS_DIR");
    return configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of("").toAbsolutePath().getParent().resolve(".tools");
  }

  /** The tools, or the test is skipped, saying so, where {@code scripts/install-tools} has not built them. */
  static Path tools() {
    Path tools = toolsDir();
    assumeTrue(Files.isExecutable(tools.resolve("bin/terragrunt")),
        () -> "real terragrunt/tofu not installed in " + tools + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
    return tools;
  }

  /** {@code root.hcl}: every unit keeps local state under {@code $TGLIVE_TEST_STATE/<unit>}. */
  static void writeRoot(Path repo) throws Exception {
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
  }

  /** {@code modules/value}: one {@code terraform_data} holding the input {@code value}, and it as output. */
  static void writeValueModule(Path repo) throws Exception {
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
  }

  /** A unit of {@code module} (relative to the unit) with {@code inputs}, after {@code more} (dependency blocks). */
  static String unit(String module, String inputs, String more) {
    return "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n"
        + "terraform {\n  source = \"" + module + "\"\n}\n" + more + "inputs = {\n" + inputs + "\n}\n";
  }

  static void write(Path repo, String path, String content) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com")
        .setSign(false).call();
  }
}
