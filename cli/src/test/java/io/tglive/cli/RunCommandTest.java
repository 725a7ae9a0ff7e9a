package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  @TempDir Path tmp;

  private final TgliveRun tglive = new TgliveRun();

  @Test
  void withoutRevisionsOrARunToResumeItIsBadInput() {
    assertThat(tglive.execute("run", "--repo", tmp.toString())).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: --base and --head are required (or --resume RUN)\n");
  }

  @Test
  void resumingARunThatDoesNotExistIsBadInput() {
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--resume", "nope")).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: --resume nope: no run there");
  }

  @Test
  void resumingWithRevisionsIsBadInput() {
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--resume", "x", "--base", "main")).isEqualTo(2);
    assertThat(tglive.err()).contains("drop --base, --head, --run-dir and --runner");
  }

  @Test
  void resumingWithAnotherRunnerIsBadInput() {
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--resume", "x", "--runner", "local")).isEqualTo(2);
    assertThat(tglive.err()).contains("--resume continues a run as it was started");
  }

  @Test
  void anUnknownRunnerIsBadInputAndCreatesNoRun() throws Exception {
    try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
      Files.writeString(tmp.resolve("README.md"), "x");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--base", "main", "--head", "main",
        "--runner", "ssh")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: --runner ssh is unknown: use local or codebuild\n");
    assertThat(tmp.resolve(".tglive/runs")).doesNotExist();
  }

  @Test
  void parallelismBelowOneIsBadInput() {
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--base", "a", "--head", "b", "--parallelism", "0"))
        .isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: --parallelism must be at least 1\n");
  }

  @Test
  void anAccountParallelismBelowOneIsBadInput() {
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--base", "a", "--head", "b",
        "--account-parallelism", "prod=0")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: --account-parallelism prod must be at least 1\n");
  }

  @Test
  void anUnknownRevisionIsBadInputAndCreatesNoRun() throws Exception {
    Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call().close();
    Files.writeString(tmp.resolve("README.md"), "x");
    try (Git git = Git.open(tmp.toFile())) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--base", "main", "--head", "nope")).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: ").contains("nope");
    assertThat(tmp.resolve(".tglive/runs")).doesNotExist();
  }

  @Test
  void aChangeThatDeploysNothingSucceedsAndSaysWhereTheRunIs() throws Exception {
    try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
      Files.writeString(tmp.resolve("README.md"), "x");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--base", "main", "--head", "main",
        "--terragrunt", "true")).isEqualTo(0);
    assertThat(tglive.out()).contains(": succeeded").contains("run directory: " + tmp.resolve(".tglive/runs"));
    assertThat(Files.readString(tmp.resolve(".tglive/.gitignore"))).isEqualTo("*\n");
  }
}
