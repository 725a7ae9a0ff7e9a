package io.tglive.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.change.BuildRevisions.Candidate;
import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRevisionsTest {

  private static final Map<String, String> PULL_REQUEST = Map.of("CHANGE_ID", "42", "CHANGE_TARGET", "main");

  @TempDir Path dir;

  @Test
  void explicitBaseAndHeadAreTheOnlyCandidates() {
    BuildRevisions revisions = BuildRevisions.of(" v1 ", "feature", PULL_REQUEST, "abc");

    assertThat(revisions.base()).containsExactly(new Candidate("v1", "given"));
    assertThat(revisions.head()).isEqualTo(new Candidate("feature", "given"));
  }

  @Test
  void pullRequestComparesWithItsTargetBranchFromOriginThenLocally() {
    BuildRevisions revisions = BuildRevisions.of(null, null, PULL_REQUEST, "abc");

    assertThat(revisions.base()).extracting(Candidate::revision).containsExactly("origin/main", "main");
    assertThat(revisions.base().get(0).source()).isEqualTo("target branch of change 42, CHANGE_TARGET");
    assertThat(revisions.head()).isEqualTo(new Candidate("HEAD", "the checked-out commit"));
  }

  @Test
  void branchBuildComparesWithThePreviousSuccessfulBuildOnly() {
    BuildRevisions revisions = BuildRevisions.of("", " ", Map.of("BRANCH_NAME", "main"), "abc123");

    assertThat(revisions.base()).containsExactly(new Candidate("abc123", "head of the previous successful build"));
  }

  @Test
  void firstBuildOfABranchComparesWithTheFirstParentOfTheGivenHead() {
    BuildRevisions revisions = BuildRevisions.of(null, "feature", Map.of("CHANGE_TARGET", "main"), null);

    assertThat(revisions.base()).containsExactly(new Candidate("feature^", "first parent of the head"));
  }

  @Test
  void resolvesThePullRequestTargetFetchedFromOrigin() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit target = repo.write("a", "1").commit("one");
      remoteBranch(repo, "refs/remotes/origin/main", target);
      repo.branch("PR-42").write("a", "2").commit("change");

      BuildRevisions.Chosen chosen = BuildRevisions.of(null, null, PULL_REQUEST, null).resolve(dir);

      assertThat(chosen.base().revision()).isEqualTo("origin/main");
      assertThat(chosen.describe()).isEqualTo("base origin/main (target branch of change 42, CHANGE_TARGET),"
          + " head HEAD (the checked-out commit)");
    }
  }

  @Test
  void fallsBackToTheLocalTargetBranch() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a", "1").commit("one");
      repo.branch("PR-42").write("a", "2").commit("change");

      assertThat(BuildRevisions.of(null, null, PULL_REQUEST, null).resolve(dir).base().revision()).isEqualTo("main");
    }
  }

  @Test
  void aPreviousHeadTheCloneLacksIsAnErrorNotAFallbackToTheFirstParent() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a", "1").commit("one");
      repo.write("a", "2").commit("two");
      String forcePushedAway = "0123456789012345678901234567890123456789";

      assertThatThrownBy(() -> BuildRevisions.of(null, null, Map.of(), forcePushedAway).resolve(dir))
          .isInstanceOf(ChangeException.class)
          .hasMessage("no base revision found in this clone; tried " + forcePushedAway
              + " (head of the previous successful build); fetch more history (a shallow clone lacks older"
              + " commits and other branches, a force-push drops the previous head: git fetch --unshallow)"
              + " or pass base");
    }
  }

  @Test
  void aPreviousHeadOlderThanAShallowClonesBoundaryIsAnErrorThatSaysToFetchMoreHistory() throws Exception {
    Path origin = dir.resolve("origin");
    Path clone = dir.resolve("clone");
    RevCommit deployed;
    try (TestRepo repo = TestRepo.init(origin)) {
      deployed = repo.write("a", "1").commit("deployed");
      repo.write("a", "2").commit("two");
      repo.write("a", "3").commit("three");
    }
    try (Git shallow = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile())
        .setDepth(1).call()) {
      assertThat(GitChanges.isShallow(shallow.getRepository())).isTrue();
    }

    assertThatThrownBy(() -> BuildRevisions.of(null, null, Map.of(), deployed.name()).resolve(clone))
        .isInstanceOf(ChangeException.class)
        .hasMessageContaining("tried " + deployed.name() + " (head of the previous successful build)")
        .hasMessageContaining("fetch more history");
  }

  @Test
  void prefersThePreviousSuccessfulHead() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      RevCommit deployed = repo.write("a", "1").commit("one");
      repo.write("a", "2").commit("two");
      repo.write("a", "3").commit("three");

      BuildRevisions.Chosen chosen = BuildRevisions.of(null, null, Map.of(), deployed.name()).resolve(dir);

      assertThat(chosen.base().revision()).isEqualTo(deployed.name());
    }
  }

  @Test
  void listsEveryCandidateTriedWhenNoneExists() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a", "1").commit("only commit");

      assertThatThrownBy(() -> BuildRevisions.of(null, null, Map.of(), null).resolve(dir))
          .isInstanceOf(ChangeException.class)
          .hasMessageStartingWith("no base revision found in this clone; tried HEAD^ (first parent of the head);"
              + " fetch more history");
      assertThatThrownBy(() -> BuildRevisions.of(null, null, Map.of("CHANGE_ID", "7", "CHANGE_TARGET", "dev"), null)
              .resolve(dir))
          .hasMessageStartingWith("no base revision found in this clone; tried origin/dev (target branch of change 7, CHANGE_TARGET),"
              + " dev (target branch of change 7, CHANGE_TARGET);");
    }
  }

  @Test
  void unknownHeadIsAnError() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a", "1").commit("one");

      assertThatThrownBy(() -> BuildRevisions.of("main", "nope", Map.of(), null).resolve(dir))
          .hasMessage("unknown head revision nope (given)");
    }
  }

  @Test
  void directoryOutsideAnyRepositoryIsAnError() {
    assertThatThrownBy(() -> BuildRevisions.of("main", null, Map.of(), null).resolve(dir))
        .isInstanceOf(ChangeException.class)
        .hasMessageEndingWith(": not a git repository");
  }

  private static void remoteBranch(TestRepo repo, String ref, RevCommit commit) throws Exception {
    RefUpdate update = repo.repository().updateRef(ref);
    update.setNewObjectId(commit);
    update.update();
  }
}
