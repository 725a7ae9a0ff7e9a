package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.queue.DeployQueue;
import io.tglive.queue.Enqueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tglive preview} over a real git repository with a scripted stand-in for terragrunt (the
 * real one is exercised by the engine's {@code RealPreviewTest}): plans exit 0 (no changes), except
 * in a unit named {@code bad}, where the plan fails as OpenTofu does.
 */
class PreviewCommandTest {

  private static final String STANDIN = """
      #!/bin/sh
      case "$1" in
        --version) echo "terragrunt version v1.1.3"; exit 0 ;;
        plan)
          unit=$(basename "$(pwd -P)")
          if [ "$unit" = bad ]; then echo "Error: boom in $unit" >&2; exit 1; fi
          exit 0 ;;
        *) echo "unexpected: $*" >&2; exit 3 ;;
      esac
      """;

  @TempDir Path tmp;

  private final TgliveRun tglive = new TgliveRun();
  private Path repo;
  private Path terragrunt;

  @BeforeEach
  void repository() throws Exception {
    repo = Files.createDirectories(tmp.resolve("repo"));
    terragrunt = tmp.resolve("terragrunt");
    Files.writeString(terragrunt, STANDIN);
    Files.setPosixFilePermissions(terragrunt, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(repo.resolve("README.md"), "live\n");
      commit(git, "base");
      git.checkout().setCreateBranch(true).setName("pr").call();
      unit("ok");
      commit(git, "ok");
      git.checkout().setCreateBranch(true).setName("pr-bad").call();
      unit("bad");
      commit(git, "bad");
    }
  }

  @Test
  void aPreviewWhosePlansSucceedExitsZeroAndPrintsEveryUnit() {
    assertThat(tglive.execute("preview", "--repo", repo.toString(), "--base", "main", "--head", "pr",
        "--terragrunt", terragrunt.toString())).isEqualTo(0);
    assertThat(tglive.out()).startsWith("preview of ").contains(": 1 without changes\n")
        .contains("no changes   apply    ok  no changes; gate: none; reasons: added\n");
    assertThat(tglive.err()).startsWith("preview directory: " + repo.resolve(".tglive/previews"));
  }

  @Test
  void aFailedPlanExitsOneAndSaysWhy() {
    assertThat(tglive.execute("preview", "--repo", repo.toString(), "--base", "main", "--head", "pr-bad",
        "--terragrunt", terragrunt.toString(), "--format", "markdown")).isEqualTo(1);
    assertThat(tglive.out()).startsWith("### Terragrunt preview: 1 without changes, 1 plan failed\n")
        .contains("| bad | apply | 🔴 plan failed&#58; plan exited 1&#58; Error&#58; boom in bad | none | added |");
    assertThat(tglive.err()).contains("failed: bad: plan exited 1: Error: boom in bad\n");
  }

  @Test
  void anUnknownRevisionIsBadInput() {
    assertThat(tglive.execute("preview", "--repo", repo.toString(), "--base", "main", "--head", "nope",
        "--terragrunt", terragrunt.toString())).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: ").contains("nope");
    assertThat(repo.resolve(".tglive/previews")).doesNotExist();
  }

  @Test
  void aTerragruntThatCannotRunIsBadInputInOneLine() {
    assertThat(tglive.execute("preview", "--repo", repo.toString(), "--base", "main", "--head", "pr",
        "--terragrunt", tmp.resolve("missing").toString())).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: cannot run terragrunt: ").doesNotContain("\tat ");
  }

  @Test
  void withoutRevisionsItIsBadInput() {
    assertThat(tglive.execute("preview", "--repo", repo.toString())).isEqualTo(2);
    assertThat(tglive.err()).contains("Missing required options: '--base=REF', '--head=REF'");
  }

  @Test
  void aMergedPullRequestWaitingToDeployShowsItsQueuePositionFoundByItsHeadCommit() throws Exception {
    String head;
    try (Git git = Git.open(repo.toFile())) {
      head = git.getRepository().resolve("pr").name();
    }
    Path queueDir = tmp.resolve("queue");
    try (DeployQueue queue = DeployQueue.open(queueDir)) {
      queue.add(new Enqueue(null, "acme/live", 10, "main", "c10", "m10", "dev", "2026-01-01T09:00:00Z"));
      queue.add(new Enqueue(null, "acme/live", 11, "main", "c11", "m11", "dev", "2026-01-01T10:00:00Z"));
      queue.add(new Enqueue(null, "acme/live", 12, "main", head, "m12", "dev", "2026-01-01T11:00:00Z"));
      queue.add(new Enqueue(null, "acme/live", 13, "main", "c13", "m13", "dev", "2026-01-01T12:00:00Z"));
      queue.next("acme/live");
    }
    String[] args = {"preview", "--repo", repo.toString(), "--base", "main", "--head", "pr",
        "--terragrunt", terragrunt.toString(), "--queue-dir", queueDir.toString()};

    assertThat(tglive.execute(args)).isEqualTo(0);
    assertThat(tglive.out()).startsWith("queue acme/live: queued: position 2 of 3, behind PR #11\npreview of ");

    assertThat(tglive.execute(append(args, "--format", "markdown"))).isEqualTo(0);
    assertThat(tglive.out()).startsWith("**Deploy queue** acme/live: queued&#58; position 2 of 3, behind PR &#35;11\n\n"
        + "### Terragrunt preview: ");

    assertThat(tglive.execute(append(args, "--format", "json", "--pr", "11"))).isEqualTo(0);
    assertThat(tglive.out()).contains("\"queue\"").contains("\"position\": 1").contains("\"behind\": 10")
        .contains("\"text\": \"queued: position 1 of 3, behind PR #10 (deploying)\"");
  }

  @Test
  void aPullRequestNotInTheQueueIsSaidOnStderrAndTheQueueDirectoryMustExist() throws Exception {
    Path queueDir = tmp.resolve("queue");
    try (DeployQueue queue = DeployQueue.open(queueDir)) {
      queue.add(new Enqueue(null, "acme/live", 10, "main", "c10", "m10", "dev", null));
    }
    assertThat(tglive.execute("preview", "--repo", repo.toString(), "--base", "main", "--head", "pr",
        "--terragrunt", terragrunt.toString(), "--queue-dir", queueDir.toString(), "--pr", "99")).isEqualTo(0);
    assertThat(tglive.out()).startsWith("preview of ");
    assertThat(tglive.err()).contains("queue: PR #99 is not waiting in " + queueDir);

    assertThat(tglive.execute("preview", "--repo", repo.toString(), "--base", "main", "--head", "pr",
        "--terragrunt", terragrunt.toString(), "--queue-dir", tmp.resolve("none").toString())).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: --queue-dir " + tmp.resolve("none") + " is not a directory\n");
  }

  private static String[] append(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private void unit(String name) throws Exception {
    Files.createDirectories(repo.resolve(name));
    Files.writeString(repo.resolve(name).resolve("terragrunt.hcl"), "inputs = {\n  name = \"" + name + "\"\n}\n");
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }
}
