package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tglive run} waits at each gate while other processes vote with {@code tglive approve}:
 * two voters approve one unit (applied), one rejects the other (not applied), the change's author
 * and a non-voter are refused. With the real terragrunt and OpenTofu; skipped without them.
 */
class RunVotesRealTest {

  @TempDir Path tmp;

  private final TgliveRun tglive = new TgliveRun();

  @Test
  void twoVotersFromAnotherProcessApproveAUnitAndOneRejectionStopsAnother() throws Exception {
    Path tools = TestTools.dir();
    assumeTrue(Files.isExecutable(tools.resolve("bin/terragrunt")) && Files.isExecutable(tools.resolve("bin/tofu"))
        && Files.isRegularFile(tools.resolve("providers/tofurc")),
        () -> "real terragrunt/tofu not installed in " + tools + " (run scripts/install-tools, or set TGLIVE_TOOLS_DIR)");
    Path repo = repo(tmp.resolve("repo"));
    Path state = Files.createDirectories(tmp.resolve("state"));
    Path runDir = tmp.resolve("rundir");
    Path log = tmp.resolve("out.log");
    Process run = start(tools, repo, state, log, runDir);
    try {
      awaitOpenGates(runDir, 2, run, log);
      String dir = runDir.toString();
      assertThat(tglive.execute("approve", "--run", dir, "--unit", "app", "--as", "dana")).isEqualTo(1);
      assertThat(tglive.err()).isEqualTo("refused: dana wrote the change and may not approve it\n");
      assertThat(tglive.execute("approve", "--run", dir, "--unit", "app", "--as", "mallory")).isEqualTo(1);
      assertThat(tglive.err()).startsWith("refused: mallory is not a voter of app");
      assertThat(tglive.execute("approve", "--run", dir, "--unit", "app", "--as", "alice", "--comment", "ok"))
          .isZero();
      assertThat(tglive.out()).isEqualTo("alice voted approve on app: 1 of 2 approvals, 0 of 1 rejections\n");
      assertThat(tglive.execute("gates", "--run", dir)).isZero();
      assertThat(tglive.out()).contains("app  open", "votes: 1 of 2 approvals", "alice approve at", "db  open");
      assertThat(tglive.execute("approve", "--run", dir, "--unit", "app", "--as", "bob")).isZero();
      assertThat(tglive.execute("approve", "--run", dir, "--unit", "db", "--as", "carol", "--reject", "--comment",
          "not today")).isZero();
      assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();
      String output = Files.readString(log);
      assertThat(run.exitValue()).as(output).isEqualTo(1);
      assertThat(output).containsPattern("applied +app").containsPattern("rejected +db");
      List<String> journal = Files.readAllLines(runDir.resolve("journal.jsonl"));
      assertThat(journal).anyMatch(l -> l.contains("\"type\":\"GATED\",\"unit\":\"app\"")
          && l.contains("\"approved\":true") && l.contains("\"who\":\"alice, bob\""));
      assertThat(journal).anyMatch(l -> l.contains("\"type\":\"GATED\",\"unit\":\"db\"")
          && l.contains("\"approved\":false") && l.contains("\"who\":\"carol\"") && l.contains("carol: not today"));
      assertThat(journal).noneMatch(l -> l.contains("\"type\":\"APPLY_STARTED\",\"unit\":\"db\""));
      assertThat(Files.readAllLines(runDir.resolve("audit.jsonl"))).hasSize(3);
      assertThat(tglive.execute("approve", "--run", dir, "--unit", "db", "--as", "alice")).isEqualTo(1);
      assertThat(tglive.err()).isEqualTo("refused: gate closed: db was already rejected\n");
    } finally {
      run.destroyForcibly().waitFor();
    }
  }

  private void awaitOpenGates(Path runDir, int count, Process run, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      assertThat(run.isAlive()).as(() -> readQuietly(log)).isTrue();
      if (Files.exists(runDir.resolve("journal.jsonl")) && tglive.execute("gates", "--run", runDir.toString()) == 0
          && tglive.out().lines().filter(l -> l.endsWith("  open")).count() == count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the gates never opened: " + readQuietly(log));
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return e.getMessage();
    }
  }

  private static Process start(Path tools, Path repo, Path state, Path log, Path runDir) throws Exception {
    List<String> argv = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Tglive.class.getName(), "run", "--repo", repo.toString(), "--terragrunt",
        tools.resolve("bin/terragrunt").toString(), "--base", "main", "--head", "feature", "--run-dir",
        runDir.toString(), "--change", "PR #7"));
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().put("TG_TF_PATH", tools.resolve("bin/tofu").toString());
    builder.environment().put("TF_CLI_CONFIG_FILE", tools.resolve("providers/tofurc").toString());
    builder.environment().put("TG_NO_AUTO_PROVIDER_CACHE_DIR", "true");
    builder.environment().put("TGLIVE_TEST_STATE", state.toString());
    return builder.start();
  }

  private static Path repo(Path repo) throws Exception {
    Files.createDirectories(repo.resolve("modules/value"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(repo.resolve(".tglive.yaml"), """
          accounts:
            - name: prod
              path: ""
              voters: [alice, bob, carol, dana]
              approvalsRequired: 2
              rejectionsRequired: 1
          """);
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
            input = var.value
          }
          output "value" {
            value = terraform_data.this.output
          }
          """);
      commit(git, "Ops", "ops@example.com");
      git.checkout().setCreateBranch(true).setName("feature").call();
      for (String unit : List.of("app", "db")) {
        write(repo.resolve(unit + "/terragrunt.hcl"), """
            include "root" {
              path = find_in_parent_folders("root.hcl")
            }
            terraform {
              source = "../modules/value"
            }
            inputs = {
              value = "%s"
            }
            """.formatted(unit));
      }
      commit(git, "Dana Dev", "dana@example.com");
    }
    return repo;
  }

  private static void commit(Git git, String name, String email) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage("c").setAuthor(name, email).setCommitter(name, email).call();
  }

  private static void write(Path file, String content) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
