package io.tglive.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.change.BuildRevisions.Candidate;
import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
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
  void branchBuildComparesWithThePreviousSuccessfulBuildThenTheFirstParent() {
    BuildRevisions revisions = BuildRevisions.of("", " ", Map.of("BRANCH_NAME", "main"), "abc123");

    assertThat(revisions.base()).containsExactly(
        new Candidate("abc123", "head of the previous successful build"),
        new Candidate("HEAD^", "first parent of the head"));
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
  void skipsAPreviousHeadTheCloneDoesNotHave() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a", "1").commit("one");
      repo.write("a", "2").commit("two");
      String unknown = "0123456789012345678901234567890123456789";

      assertThat(BuildRevisions.of(null, null, Map.of(), unknown).resolve(dir).base().revision()).isEqualTo("HEAD^");
    }
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
          .hasMessageStartingWith("no base revision found; tried HEAD^ (first parent of the head); name one with base");
      assertThatThrownBy(() -> BuildRevisions.of(null, null, Map.of("CHANGE_ID", "7", "CHANGE_TARGET", "dev"), null)
              .resolve(dir))
          .hasMessageStartingWith("no base revision found; tried origin/dev (target branch of change 7, CHANGE_TARGET),"
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
