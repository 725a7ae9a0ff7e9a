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
 * {@code tglive rollback} killed with SIGKILL while OpenTofu is inside a slow {@code local-exec}
 * of a rollback apply, then resumed with {@code --resume}, with the real terragrunt and OpenTofu
 * (skipped without them): the leftover terragrunt is stopped, every step ends applied once, the
 * units hold their base outputs and a fresh plan of each at base shows no changes.
 */
class RollbackKillResumeTest {

  private static final Pattern APPLY_PID =
      Pattern.compile("\"type\":\"PROCESS_STARTED\",\"unit\":\"slow\",\"pid\":(\\d+)[^\\n]*\"command\":\"APPLY\"");

  @TempDir Path tmp;

  @Test
  void aRollbackKilledMidApplyResumesAndFinishesWithEveryUnitAtBase() throws Exception {
    Path tools = TestTools.dir();
    assumeTrue(Files.isExecutable(tools.resolve("bin/terragrunt")) && Files.isExecutable(tools.resolve("bin/tofu"))
        && Files.isRegularFile(tools.resolve("providers/tofurc")),
        () -> "real terragrunt/tofu not installed in " + tools + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
    Path repo = repo(tmp.resolve("repo"));
    Path state = Files.createDirectories(tmp.resolve("state"));
    Path log = tmp.resolve("out.log");
    Path run1 = tmp.resolve("run1");
    Path run2 = tmp.resolve("run2");
    assertThat(finish(start(tools, repo, state, log, "run", "--repo", repo.toString(), "--base", "main", "--head",
        "v1", "--run-dir", run1.toString()))).as("%s", Files.readString(log)).isZero();
    assertThat(finish(start(tools, repo, state, log, "run", "--repo", repo.toString(), "--base", "v1", "--head",
        "v2", "--run-dir", run2.toString()))).as("%s", Files.readString(log)).isZero();
    assertThat(output("after", state)).isEqualTo("slow-v2-then-after");

    Files.writeString(state.resolve("sleep-slow-v1"), "30"); // re-creating slow at base takes 30 s
    Process first = start(tools, repo, state, log, "rollback", "--repo", repo.toString(), "--run", run2.toString());
    Path journal = run2.resolve("rollback/journal.jsonl");
    long pid = awaitApplyProcess(first, journal);
    Thread.sleep(3000); // inside the local-exec sleep
    first.destroyForcibly().waitFor();
    Optional<ProcessHandle> leftover = ProcessHandle.of(pid);
    assertThat(leftover).as("terragrunt apply outlives the killed tglive").isPresent();

    Files.writeString(state.resolve("sleep-slow-v1"), "1");
    Process second = start(tools, repo, state, log, "rollback", "--repo", repo.toString(), "--run", run2.toString(),
        "--resume");
    assertThat(finish(second)).as("%s", Files.readString(log)).isZero();
    assertThat(leftover.get().isAlive()).isFalse();
    List<String> events = Files.readAllLines(journal);
    assertThat(events).anyMatch(l -> l.contains("\"type\":\"RUN_RESUMED\""));
    assertThat(events.stream().filter(l -> l.contains("\"type\":\"APPLIED\",\"unit\":\"slow\"")).count()).isOne();
    assertThat(events.stream().filter(l -> l.contains("\"type\":\"APPLIED\",\"unit\":\"after\"")).count()).isOne();
    assertThat(output("slow", state)).isEqualTo("slow-v1");
    assertThat(output("after", state)).isEqualTo("slow-v1-then-after");
    assertThat(Files.readString(log)).contains("rollback succeeded: 2 step(s) done, 0 left");

    // the rollback ran once: a third attempt is refused, and so is a new one
    assertThat(finish(start(tools, repo, state, log, "rollback", "--repo", repo.toString(), "--run",
        run2.toString(), "--resume"))).isEqualTo(2);
    assertThat(Files.readString(log)).contains("has already ended (succeeded); a rollback runs once");

    // a fresh plan of every unit at base shows no changes
    Path verify = tmp.resolve("verify");
    assertThat(new ProcessBuilder("git", "-C", repo.toString(), "worktree", "add", "--detach", verify.toString(), "v1")
        .start().waitFor()).isZero();
    for (String unit : List.of("slow", "after")) {
      ProcessBuilder plan = new ProcessBuilder(tools.resolve("bin/terragrunt").toString(), "plan", "-input=false",
          "-detailed-exitcode").directory(verify.resolve(unit).toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      environment(plan, tools, state);
      assertThat(finish(plan.start())).as("fresh plan of %s at base", unit).isZero();
    }
  }

  private static int finish(Process process) throws Exception {
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
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
    throw new AssertionError("the rollback apply of slow never started");
  }

  private static Process start(Path tools, Path repo, Path state, Path log, String... args) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Tglive.class.getName()));
    argv.addAll(List.of(args));
    argv.addAll(List.of("--terragrunt", tools.resolve("bin/terragrunt").toString()));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    environment(builder, tools, state);
    return builder.start();
  }

  private static void environment(ProcessBuilder builder, Path tools, Path state) {
    builder.environment().put("TG_TF_PATH", tools.resolve("bin/tofu").toString());
    builder.environment().put("TF_CLI_CONFIG_FILE", tools.resolve("providers/tofurc").toString());
    builder.environment().put("TG_NO_AUTO_PROVIDER_CACHE_DIR", "true");
    builder.environment().put("TG_NON_INTERACTIVE", "true");
    builder.environment().put("TGLIVE_TEST_STATE", state.toString());
  }

  private static String output(String unit, Path state) throws Exception {
    return new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile())
        .path("outputs").path("value").path("value").asText();
  }

  /** main: nothing; v1: slow and after (reading slow's output); v2: slow changed. */
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
          resource "terraform_data" "this" {
            input            = var.value
            triggers_replace = [var.value]
            provisioner "local-exec" {
              command = "sleep $(cat \\"$TGLIVE_TEST_STATE/sleep-${var.value}\\" 2>/dev/null || echo 0)"
            }
          }
          output "value" {
            value = terraform_data.this.output
          }
          """);
      commit(git);
      git.checkout().setCreateBranch(true).setName("v1").call();
      write(repo.resolve("slow/terragrunt.hcl"), unit("value = \"slow-v1\"", null));
      write(repo.resolve("after/terragrunt.hcl"), unit("value = \"${dependency.slow.outputs.value}-then-after\"",
          "slow"));
      commit(git);
      git.checkout().setCreateBranch(true).setName("v2").call();
      write(repo.resolve("slow/terragrunt.hcl"), unit("value = \"slow-v2\"", null));
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
