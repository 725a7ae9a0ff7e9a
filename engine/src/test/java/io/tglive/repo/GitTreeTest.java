package io.tglive.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTreeTest {

  @TempDir Path dir;

  @Test
  void readsFilesOfTheCommitNotOfTheWorkTree() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit first = repo.write("live/a/terragrunt.hcl", "v1").commit("one");
      repo.write("live/a/terragrunt.hcl", "v2").write("live/b/terragrunt.hcl", "b").commit("two");
      repo.write("live/a/terragrunt.hcl", "uncommitted");

      GitTree tree = GitTree.of(repo.repository(), first);

      assertThat(tree.root()).isEqualTo(dir.toAbsolutePath().normalize());
      assertThat(new String(tree.read(dir.resolve("live/a/terragrunt.hcl")), StandardCharsets.UTF_8)).isEqualTo("v1");
      assertThat(tree.exists(dir.resolve("live/b"))).isFalse();
      assertThat(tree.isDirectory(dir.resolve("live"))).isTrue();
      assertThat(tree.isFile(dir.resolve("live/a/terragrunt.hcl"))).isTrue();
      assertThat(tree.isFile(dir.resolve("live/a"))).isFalse();
      assertThat(tree.isDirectory(dir)).isTrue();
    }
  }

  @Test
  void listsDirectoryEntriesSortedAsAbsolutePaths() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit commit = repo.write("live/b/x", "").write("live/a/y", "").write("live/c.hcl", "").commit("c");

      GitTree tree = GitTree.of(repo.repository(), commit);

      assertThat(tree.list(dir.resolve("live")))
          .containsExactly(dir.resolve("live/a"), dir.resolve("live/b"), dir.resolve("live/c.hcl"));
      assertThat(tree.list(dir.resolve("live/c.hcl"))).isEmpty();
      assertThat(tree.list(dir.resolve("missing"))).isEmpty();
    }
  }

  @Test
  void contentIdIsTheBlobIdSharedByIdenticalFilesAcrossCommits() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit base = repo.write("root.hcl", "same").write("a/terragrunt.hcl", "old").commit("base");
      RevCommit head = repo.write("a/terragrunt.hcl", "new").commit("head");

      GitTree baseTree = GitTree.of(repo.repository(), base);
      GitTree headTree = GitTree.of(repo.repository(), head);

      assertThat(baseTree.contentId(dir.resolve("root.hcl"))).isEqualTo(headTree.contentId(dir.resolve("root.hcl")));
      assertThat(baseTree.contentId(dir.resolve("a/terragrunt.hcl")))
          .isNotEqualTo(headTree.contentId(dir.resolve("a/terragrunt.hcl")))
          .hasSize(40);
    }
  }

  @Test
  void diskContentIdIsTheGitBlobIdOfTheSameBytes() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit commit = repo.write("root.hcl", "locals {\n  x = \"\u00e9\"\n}\n").write("empty.hcl", "").commit("c");
      repo.write("a/terragrunt.hcl", "changed");

      GitTree git = GitTree.of(repo.repository(), commit);
      DiskTree disk = new DiskTree(dir);

      for (String name : new String[] {"root.hcl", "empty.hcl"}) {
        Path file = dir.resolve(name);
        assertThat(disk.contentId(file)).isEqualTo(git.contentId(file));
        RepoTree.Content content = disk.content(file);
        assertThat(content.id()).isEqualTo(git.contentId(file));
        assertThat(content.bytes()).isEqualTo(git.read(file));
      }
      assertThat(disk.contentId(dir.resolve("a/terragrunt.hcl"))).isNotEqualTo(disk.contentId(dir.resolve("root.hcl")));
    }
  }

  @Test
  void readingAMissingFileOrADirectoryFails() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit commit = repo.write("a/terragrunt.hcl", "").commit("c");
      GitTree tree = GitTree.of(repo.repository(), commit);

      assertThatThrownBy(() -> tree.read(dir.resolve("a/missing.hcl"))).isInstanceOf(NoSuchFileException.class);
      assertThatThrownBy(() -> tree.read(dir.resolve("a"))).isInstanceOf(NoSuchFileException.class);
      assertThat(tree.exists(dir.resolveSibling("outside"))).isFalse();
    }
  }

  @Test
  void symbolicLinksReadAsTheirTargetsInsideTheTree() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit commit = repo.write("_common/common.hcl", "shared").write("modules/vpc/main.tf", "tf")
          .symlink("live/a/common.hcl", "../../_common/common.hcl")
          .symlink("live/modules", "../modules")
          .symlink("live/dangling.hcl", "nothing.hcl")
          .symlink("live/escape.hcl", "../../outside.hcl")
          .commit("links");

      GitTree tree = GitTree.of(repo.repository(), commit);

      assertThat(new String(tree.read(dir.resolve("live/a/common.hcl")), StandardCharsets.UTF_8)).isEqualTo("shared");
      assertThat(tree.contentId(dir.resolve("live/a/common.hcl")))
          .isEqualTo(tree.contentId(dir.resolve("_common/common.hcl")));
      assertThat(tree.isDirectory(dir.resolve("live/modules"))).isTrue();
      assertThat(tree.list(dir.resolve("live/modules"))).containsExactly(dir.resolve("live/modules/vpc"));
      assertThat(tree.isFile(dir.resolve("live/modules/vpc/main.tf"))).isTrue();
      assertThat(tree.exists(dir.resolve("live/dangling.hcl"))).isFalse();
      assertThat(tree.exists(dir.resolve("live/escape.hcl"))).isFalse();
    }
  }
}
