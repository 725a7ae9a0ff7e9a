package io.tglive.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsAtCommitTest {

  @TempDir Path repo;

  private RevCommit commit(Git git, String settings) throws Exception {
    Files.writeString(repo.resolve(".tglive.yaml"), settings);
    git.add().addFilepattern(".").call();
    return git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
  }

  @Test
  void settingsAreTheCommitsNotTheWorkingTreesNorALaterCommits() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
      RevCommit base = commit(git, "notifications:\n  webhook: {urlEnv: TGLIVE_HOOK}\n");
      commit(git, "notifications:\n  webhook: {urlEnv: TGLIVE_OTHER}\n");
      Files.writeString(repo.resolve(".tglive.yaml"), "notifications: {}\n");

      assertThat(SettingsAtCommit.read(repo, base.name()).notifications().webhook().urlEnv()).isEqualTo("TGLIVE_HOOK");
    }
  }

  @Test
  void commitWithoutSettingsHasTheDefaults() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
      Files.writeString(repo.resolve("README.md"), "x");
      git.add().addFilepattern(".").call();
      RevCommit commit = git.commit().setMessage("c").setAuthor("t", "t@example.com")
          .setCommitter("t", "t@example.com").call();

      assertThat(SettingsAtCommit.read(repo, commit.name())).isEqualTo(RepoSettings.defaults());
    }
  }

  @Test
  void invalidSettingsNameTheCommitAndTheLine() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
      RevCommit commit = commit(git, "notifications:\n  email: {host: smtp.example.com}\n");

      assertThatThrownBy(() -> SettingsAtCommit.read(repo, commit.name()))
          .isInstanceOf(SettingsException.class)
          .hasMessage(".tglive.yaml at " + commit.name().substring(0, 10) + ":2:10: 'email' needs a 'from' address");
    }
  }
}
