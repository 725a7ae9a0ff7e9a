package io.jenkins.plugins.tglive;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A live repository for the real terragrunt and OpenTofu, built with JGit: local state under
 * {@code $TGLIVE_TEST_STATE}, one module with a {@code terraform_data} carrying a value, on
 * {@code main} the root configuration and the module (and {@code .tglive.yaml} when asked), on
 * {@code feature} units {@code net} and {@code app} (which reads net's output through a
 * {@code dependency} block). The tools come from {@code $TGLIVE_TOOLS_DIR} or the repository's
 * {@code .tools}; tests are skipped, saying so, where they are not built.
 */
final class RealUnitsFixture {

  static final String ROOT = """
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

  static final String MODULE = """
      variable "value" {
        type = string
      }
      resource "terraform_data" "this" {
        input = var.value
      }
      output "value" {
        value = terraform_data.this.output
      }
      """;

  private RealUnitsFixture() {}

  /** The tools directory, or a skipped test. */
  static Path tools() {
    String configured = System.getenv("TGLIVE_TOOLS_DIR");
    Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of("").toAbsolutePath().getParent().resolve(".tools");
    assumeTrue(Files.isExecutable(dir.resolve("bin/terragrunt")) && Files.isRegularFile(dir.resolve("providers/tofurc")),
        () -> "real terragrunt/tofu not installed in " + dir + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
    return dir;
  }

  /** The environment a build gives terragrunt: tofu and the provider mirror of the tools, state under {@code state}. */
  static Map<String, String> environment(Path tools, Path state) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", System.getProperty("user.home"));
    env.put("TG_TF_PATH", tools.resolve("bin/tofu").toString());
    env.put("TF_CLI_CONFIG_FILE", tools.resolve("providers/tofurc").toString());
    env.put("TG_NO_AUTO_PROVIDER_CACHE_DIR", "true");
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("TGLIVE_TEST_STATE", state.toString());
    return env;
  }

  /** Creates the repository in {@code dir}; {@code accounts} is the text of {@code .tglive.yaml}, or null. */
  static void create(Path dir, String accounts) throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write(dir, "root.hcl", ROOT);
      write(dir, "modules/value/main.tf", MODULE);
      if (accounts != null) {
        write(dir, ".tglive.yaml", accounts);
      }
      commit(git, "base");
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(dir, "net/terragrunt.hcl", unit("value = \"net\""));
      write(dir, "app/terragrunt.hcl", unit("value = \"app-on-${dependency.net.outputs.value}\"")
          + "dependency \"net\" {\n  config_path = \"../net\"\n}\n");
      commit(git, "units");
    }
  }

  private static String unit(String inputs) {
    return """
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        terraform {
          source = "../modules/value"
        }
        inputs = {
        """ + inputs + "\n}\n";
  }

  private static void commit(Git git, String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor("Test", "test@example.com").setCommitter("Test", "test@example.com")
        .setSign(false).call();
  }

  private static void write(Path dir, String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
