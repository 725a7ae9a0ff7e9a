package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account's commands from {@code .tglive.yaml} reach the real terragrunt and OpenTofu through
 * {@code tglive run}: its terragrunt command (a wrapper that records each command line), its extra
 * plan, apply and destroy-plan arguments, and its own transient-failure pattern (a plan hook that
 * fails once with it is planned again). Skipped without the real tools.
 */
class RunAccountCommandsTest {

  @TempDir Path tmp;

  @Test
  void anAccountsCommandLineArgumentsAndRetryPatternsReachTerragrunt() throws Exception {
    Path tools = tools();
    Path state = Files.createDirectories(tmp.resolve("state"));
    Path calls = tmp.resolve("calls.txt");
    Path wrapper = tmp.resolve("tg-wrapper");
    Files.writeString(wrapper, "#!/bin/sh\necho \"$*\" >> \"" + calls + "\"\nexec \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path repo = tmp.resolve("repo");
    List<RevCommit> commits = repo(repo, wrapper, tools.resolve("bin/terragrunt"));

    Result first = tglive(tools, state, repo, commits.get(0).name(), commits.get(1).name());
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(output(state, "dev/old")).isEqualTo("old");
    assertThat(output(state, "dev/keep")).isEqualTo("keep-1");
    String logs = Files.readString(first.runDir().resolve("logs/dev__keep.log"))
        + Files.readString(first.runDir().resolve("logs/dev__old.log"));
    assertThat(logs).contains("custom flake: try again").contains("transient failure, attempt 1 of 3");

    Result second = tglive(tools, state, repo, commits.get(1).name(), commits.get(2).name());
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(output(state, "dev/keep")).isEqualTo("keep-2");
    assertThat(new ObjectMapper().readTree(state.resolve("dev/old/terraform.tfstate").toFile()).path("resources"))
        .as("dev/old destroyed").isEmpty();

    List<String> lines = Files.readAllLines(calls);
    assertThat(lines).filteredOn(l -> l.contains(" plan ")).isNotEmpty()
        .allMatch(l -> l.contains("-detailed-exitcode") && l.contains("-lock-timeout=1m"));
    assertThat(lines).filteredOn(l -> l.contains(" plan ") && l.contains("-destroy")).singleElement()
        .satisfies(l -> assertThat(l).endsWith("-lock-timeout=1m -refresh=false"));
    assertThat(lines).filteredOn(l -> l.contains(" plan ") && !l.contains("-destroy"))
        .noneMatch(l -> l.contains("-refresh=false"));
    assertThat(lines).filteredOn(l -> l.contains(" apply ")).hasSize(4)
        .allMatch(l -> l.matches(".* apply -input=false -lock-timeout=2m /\\S+\\.tfplan"));
  }

  private record Result(int exit, String output, Path runDir) {}

  private Result tglive(Path tools, Path state, Path repo, String base, String head) throws Exception {
    Path runDir = Files.createTempDirectory(tmp, "run");
    Files.delete(runDir);
    List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Tglive.class.getName(), "run", "--repo", repo.toString(),
        "--base", base, "--head", head, "--run-dir", runDir.toString()));
    Path log = Files.createTempFile(tmp, "tglive", ".log");
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("TG_TF_PATH", tools.resolve("bin/tofu").toString());
    builder.environment().put("TF_CLI_CONFIG_FILE", tools.resolve("providers/tofurc").toString());
    builder.environment().put("TG_NO_AUTO_PROVIDER_CACHE_DIR", "true");
    builder.environment().put("TGLIVE_TEST_STATE", state.toString());
    Process process = builder.start();
    assertThat(process.waitFor(8, TimeUnit.MINUTES)).as("tglive run ends").isTrue();
    return new Result(process.exitValue(), Files.readString(log), runDir);
  }

  private static Path tools() {
    String configured = System.getenv("TGLIVE_TOOLS_DIR");
    Path tools = configured != null && !configured.isBlank() ? Path.of(configured) : projectRoot().resolve(".tools");
    assumeTrue(Files.isExecutable(tools.resolve("bin/terragrunt")) && Files.isExecutable(tools.resolve("bin/tofu")),
        () -> "real terragrunt/tofu not installed in " + tools + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
    return tools;
  }

  private static Path projectRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    return Path.of("").toAbsolutePath();
  }

  private static String output(Path state, String unit) throws Exception {
    return new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile())
        .path("outputs").path("value").path("value").asText();
  }

  /** Three commits: the modules and settings; dev/old and dev/keep; dev/old deleted and dev/keep changed. */
  private static List<RevCommit> repo(Path repo, Path wrapper, Path terragrunt) throws Exception {
    List<RevCommit> commits = new ArrayList<>();
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(repo.resolve(".tglive.yaml"), """
          accounts:
            - name: dev
              path: dev
              approvalsRequired: 0
              terragrunt: ["%s", "%s"]
              planArgs: ["-lock-timeout=1m"]
              applyArgs: ["-lock-timeout=2m"]
              destroyArgs: ["-refresh=false"]
              retryOn: ["custom flake"]
              commandTimeout: PT5M
          """.formatted(wrapper, terragrunt));
      write(repo.resolve("root.hcl"), """
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
          terraform {
            before_hook "flake" {
              commands = ["plan"]
              execute  = ["sh", "-c", "mkdir \\"$TGLIVE_TEST_STATE/flaked\\" 2>/dev/null || exit 0; echo 'custom flake: try again' >&2; exit 1"]
            }
          }
          """);
      write(repo.resolve("modules/value/main.tf"), """
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
      commits.add(commit(git));
      write(repo.resolve("dev/old/terragrunt.hcl"), unit("old"));
      write(repo.resolve("dev/keep/terragrunt.hcl"), unit("keep-1"));
      commits.add(commit(git));
      Files.delete(repo.resolve("dev/old/terragrunt.hcl"));
      write(repo.resolve("dev/keep/terragrunt.hcl"), unit("keep-2"));
      git.rm().addFilepattern("dev/old/terragrunt.hcl").call();
      commits.add(commit(git));
    }
    return commits;
  }

  private static String unit(String value) {
    return """
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        terraform {
          source = "../../modules/value"
        }
        inputs = {
          value = "%s"
        }
        """.formatted(value);
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static RevCommit commit(Git git) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }
}
