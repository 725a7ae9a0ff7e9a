package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code tglive run} (SIGKILL) while the real terragrunt applies a slow unit, and resumes it:
 * the terragrunt left running is stopped first, the unit is planned again and applied once, and
 * its dependent then sees its output. Skipped where the real tools are not installed
 * ({@code scripts/install-tools}, or {@code TGLIVE_TOOLS_DIR}).
 */
class RunRealResumeTest {

  private static final Pattern APPLY_PID =
      Pattern.compile("\"type\":\"PROCESS_STARTED\",\"unit\":\"slow\",\"pid\":(\\d+)[^\\n]*\"command\":\"APPLY\"");

  private static final Pattern STOPPED = Pattern.compile("\"[1-9]\\d* leftover process\\(es\\) stopped");

  @TempDir Path tmp;

  @Test
  void aRunKilledMidApplyResumesStopsTheLeftoverTerragruntAndAppliesOnce() throws Exception {
    Path tools = TestTools.dir();
    assumeTrue(Files.isExecutable(tools.resolve("bin/terragrunt")) && Files.isExecutable(tools.resolve("bin/tofu"))
        && Files.isRegularFile(tools.resolve("providers/tofurc")),
        () -> "real terragrunt/tofu not installed in " + tools + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
    Path repo = repo(tmp.resolve("repo"));
    Path state = Files.createDirectories(tmp.resolve("state"));
    Path runDir = tmp.resolve("rundir");
    Path log = tmp.resolve("out.log");

    Process first = start(tools, repo, state, log, "--base", "main", "--head", "feature", "--run-dir",
        runDir.toString());
    long pid = awaitApplyProcess(first, runDir.resolve("journal.jsonl"));
    Thread.sleep(3000); // inside the local-exec sleep
    first.destroyForcibly().waitFor();
    Optional<ProcessHandle> leftover = ProcessHandle.of(pid);
    assertThat(leftover).as("terragrunt apply outlives the killed tglive").isPresent();

    Process second = start(tools, repo, state, log, "--resume", runDir.toString());
    assertThat(second.waitFor(10, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(log);
    assertThat(second.exitValue()).as(output).isZero();
    assertThat(leftover.get().isAlive()).isFalse();
    List<String> journal = Files.readAllLines(runDir.resolve("journal.jsonl"));
    // The killed apply is stopped on resume, or, when it died of the closed pipe to its killed parent,
    // the tofu it had started (carrying the run's marker) is: either way resume stopped a leftover.
    assertThat(journal).anyMatch(l -> l.contains("\"type\":\"RUN_RESUMED\"") && STOPPED.matcher(l).find());
    assertThat(journal.stream().filter(l -> l.contains("\"type\":\"APPLIED\",\"unit\":\"slow\"")).count()).isOne();
    assertThat(output("slow", state)).isEqualTo("slow");
    assertThat(output("after", state)).isEqualTo("slow-then-after");
  }

  private static long awaitApplyProcess(Process process, Path journal) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (Files.exists(journal)) {
        Matcher matcher = APPLY_PID.matcher(Files.readString(journal));
        if (matcher.find()) {
          return Long.parseLong(matcher.group(1));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the apply of slow never started");
  }

  private static Process start(Path tools, Path repo, Path state, Path log, String... args) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Tglive.class.getName(), "run", "--repo", repo.toString(), "--terragrunt",
        tools.resolve("bin/terragrunt").toString()));
    argv.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("TG_TF_PATH", tools.resolve("bin/tofu").toString());
    builder.environment().put("TF_CLI_CONFIG_FILE", tools.resolve("providers/tofurc").toString());
    builder.environment().put("TG_NO_AUTO_PROVIDER_CACHE_DIR", "true");
    builder.environment().put("TGLIVE_TEST_STATE", state.toString());
    return builder.start();
  }

  private static String output(String unit, Path state) throws Exception {
    return new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile())
        .path("outputs").path("value").path("value").asText();
  }

  private static Path repo(Path repo) throws Exception {
    Files.createDirectories(repo.resolve("modules/value"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
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
          """);
      write(repo.resolve("modules/value/main.tf"), """
          variable "value" {
            type = string
          }
          variable "sleep" {
            type    = number
            default = 0
          }
          resource "terraform_data" "this" {
            input = var.value
            provisioner "local-exec" {
              command = "sleep ${var.sleep}"
            }
          }
          output "value" {
            value = terraform_data.this.output
          }
          """);
      commit(git);
      git.checkout().setCreateBranch(true).setName("feature").call();
      write(repo.resolve("slow/terragrunt.hcl"), unit("value = \"slow\"\n  sleep = 30", null));
      write(repo.resolve("after/terragrunt.hcl"), unit("value = \"${dependency.slow.outputs.value}-then-after\"",
          "slow"));
      commit(git);
    }
    return repo;
  }

  private static String unit(String inputs, String dependency) {
    return """
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        terraform {
          source = "../modules/value"
        }
        """ + (dependency == null ? "" : "dependency \"" + dependency + "\" {\n  config_path = \"../" + dependency
        + "\"\n}\n") + "inputs = {\n  " + inputs + "\n}\n";
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private static void commit(Git git) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }
}
