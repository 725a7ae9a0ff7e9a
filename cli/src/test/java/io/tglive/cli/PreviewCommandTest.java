package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

  private void unit(String name) throws Exception {
    Files.createDirectories(repo.resolve(name));
    Files.writeString(repo.resolve(name).resolve("terragrunt.hcl"), "inputs = {\n  name = \"" + name + "\"\n}\n");
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }
}
