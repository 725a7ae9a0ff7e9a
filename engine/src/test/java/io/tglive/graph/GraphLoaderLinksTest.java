package io.tglive.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.config.HclFileCache;
import io.tglive.repo.DiskTree;
import io.tglive.repo.GitTree;
import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links, committed and on disk: the walk never follows a link to a directory (as
 * Terragrunt's discovery), so loops end, and a commit's graph is the same read from git or from
 * its checkout.
 */
class GraphLoaderLinksTest {

  @TempDir Path dir;

  @Test
  void aCommittedLoopGivesTheSameGraphFromGitAndFromDiskWithoutPhantomUnits() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit commit = repo
          .write("a/unit/terragrunt.hcl", "dependency \"b\" {\n  config_path = \"../../b\"\n}\n")
          .write("b/terragrunt.hcl", "")
          .symlink("a/up", "..")
          .symlink("a/self", ".")
          .symlink("b/root", "/")
          .symlink("b/outside", "../../..")
          .commit("links");

      LoadedGraph fromGit = GraphLoader.load(GitTree.of(repo.repository(), commit), LoadOptions.defaults(), new HclFileCache());
      LoadedGraph fromDisk = GraphLoader.load(new DiskTree(dir), LoadOptions.defaults(), new HclFileCache());

      assertThat(fromGit.graph().units()).containsOnlyKeys("a/unit", "b");
      assertThat(fromGit.graph().unit("a/unit").dependencies()).containsOnlyKeys("b");
      assertThat(fromDisk.graph().units()).isEqualTo(fromGit.graph().units());
    }
  }

  @Test
  void aDependencyThroughALinkedDirectoryStillResolves() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit commit = repo
          .write("real/vpc/terragrunt.hcl", "")
          .symlink("alias", "real")
          .write("app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = \"../alias/vpc\"\n}\n")
          .commit("alias");

      LoadedGraph loaded = GraphLoader.load(GitTree.of(repo.repository(), commit), LoadOptions.defaults(), new HclFileCache());

      assertThat(loaded.graph().units()).containsOnlyKeys("app", "real/vpc");
    }
  }
}
