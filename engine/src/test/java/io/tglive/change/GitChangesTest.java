package io.tglive.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitChangesTest {

  @TempDir Path dir;

  @Test
  void renameIsADeletionAndAnAddition() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit base = repo.write("live/a/terragrunt.hcl", "same content\n").write("live/b/x.tf", "1").commit("base");
      RevCommit head = repo.move("live/a", "live/a2").write("live/b/x.tf", "2").commit("rename");

      assertThat(GitChanges.diff(repo.repository(), base, head)).containsExactly(
          new ChangedFile("live/a/terragrunt.hcl", ChangeKind.DELETED),
          new ChangedFile("live/a2/terragrunt.hcl", ChangeKind.ADDED),
          new ChangedFile("live/b/x.tf", ChangeKind.MODIFIED));
    }
  }

  @Test
  void mergeBaseDiffShowsOnlyWhatTheBranchIntroducedTreeDiffShowsBothSides() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("live/a/terragrunt.hcl", "a").write("live/b/terragrunt.hcl", "b").commit("base");
      repo.branch("feature");
      RevCommit feature = repo.write("live/a/terragrunt.hcl", "a2").commit("feature change");
      repo.checkout("main");
      RevCommit main = repo.write("live/b/terragrunt.hcl", "b2").commit("main change after branching");

      ObjectId mergeBase = GitChanges.diffBase(repo.repository(), main, feature, DiffMode.MERGE_BASE);
      assertThat(GitChanges.diff(repo.repository(), mergeBase, feature))
          .containsExactly(new ChangedFile("live/a/terragrunt.hcl", ChangeKind.MODIFIED));

      ObjectId treeBase = GitChanges.diffBase(repo.repository(), main, feature, DiffMode.TREE);
      assertThat(treeBase).isEqualTo(main.getId());
      assertThat(GitChanges.diff(repo.repository(), treeBase, feature)).containsExactly(
          new ChangedFile("live/a/terragrunt.hcl", ChangeKind.MODIFIED),
          new ChangedFile("live/b/terragrunt.hcl", ChangeKind.MODIFIED));
    }
  }

  @Test
  void resolvesBranchesShortShasAndRelativeRevisions() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit first = repo.write("a", "1").commit("one");
      RevCommit second = repo.write("a", "2").commit("two");

      assertThat(GitChanges.resolve(repo.repository(), "main")).isEqualTo(second.getId());
      assertThat(GitChanges.resolve(repo.repository(), "main~1")).isEqualTo(first.getId());
      assertThat(GitChanges.resolve(repo.repository(), first.getId().name().substring(0, 10))).isEqualTo(first.getId());
    }
  }

  @Test
  void unknownRevisionIsNamedInTheError() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a", "1").commit("one");

      assertThatThrownBy(() -> GitChanges.resolve(repo.repository(), "no-such-branch"))
          .isInstanceOf(ChangeException.class)
          .hasMessage("unknown revision 'no-such-branch'");
      assertThatThrownBy(() -> GitChanges.resolve(repo.repository(), "main..:bad"))
          .isInstanceOf(ChangeException.class)
          .hasMessageContaining("main..:bad");
    }
  }

  @Test
  void unrelatedHistoriesHaveNoMergeBase() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit main = repo.write("a", "1").commit("one");
      RevCommit orphan;
      try (var git = new Git(repo.repository())) {
        git.checkout().setOrphan(true).setName("orphan").call();
        orphan = repo.write("b", "2").commit("orphan");
      }

      assertThatThrownBy(() -> GitChanges.diffBase(repo.repository(), main, orphan, DiffMode.MERGE_BASE))
          .isInstanceOf(ChangeException.class)
          .hasMessageContaining("no merge base");
    }
  }

  @Test
  void aRevisionOlderThanAShallowClonesBoundarySaysToFetchMoreHistory() throws Exception {
    Path origin = dir.resolve("origin");
    Path clone = dir.resolve("clone");
    try (TestRepo repo = TestRepo.init(origin)) {
      repo.write("live/a/terragrunt.hcl", "1").commit("one");
      repo.branch("feature").write("live/a/terragrunt.hcl", "2").commit("feature");
      repo.checkout("main").write("live/b/terragrunt.hcl", "3").commit("main");
    }
    try (Git shallow = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile())
        .setCloneAllBranches(true).setDepth(1).call()) {
      var repository = shallow.getRepository();

      assertThatThrownBy(() -> GitChanges.resolve(repository, "HEAD~1"))
          .isInstanceOf(ChangeException.class)
          .hasMessage("unknown revision 'HEAD~1' (this is a shallow clone: fetch more history, e.g. git fetch --unshallow)");
      ObjectId main = GitChanges.resolve(repository, "origin/main");
      ObjectId feature = GitChanges.resolve(repository, "origin/feature");
      assertThatThrownBy(() -> GitChanges.diffBase(repository, main, feature, DiffMode.MERGE_BASE))
          .isInstanceOf(ChangeException.class)
          .hasMessageEndingWith("in this shallow clone: fetch more history (git fetch --unshallow, or a deeper fetch)");
    }
  }
}
