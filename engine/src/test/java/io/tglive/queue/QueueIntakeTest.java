package io.tglive.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueIntakeTest {

  static final String REPO = "acme/live";

  @TempDir Path dir;

  private DeployQueue queue;
  private QueueIntake intake;

  @BeforeEach
  void open() throws Exception {
    queue = DeployQueue.open(dir, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 1000);
    intake = new QueueIntake(queue, REPO, "main");
  }

  @AfterEach
  void close() throws Exception {
    queue.close();
  }

  static PullRequestEvent merged(int pr, String head, String base, String mergedAt) {
    return new PullRequestEvent(REPO, pr, "closed", true, base, head, "m-" + head, "dev" + pr, mergedAt);
  }

  static PullRequestEvent pushed(int pr, String head) {
    return new PullRequestEvent(REPO, pr, "synchronize", false, "main", head, "t-" + head, "dev" + pr, null);
  }

  @Test
  void aPullRequestMergedIntoTheBaseBranchJoinsTheQueueWithItsCommitsAuthorAndMergeTime() throws Exception {
    Intake result = intake.accept(merged(12, "aaa", "refs/heads/main", "2026-01-01T10:00:00Z"));

    assertThat(result.kind()).isEqualTo(Intake.Kind.ENQUEUED);
    QueueEntry entry = queue.state().waiting(REPO).get(0);
    assertThat(entry).extracting(QueueEntry::pr, QueueEntry::baseRef, QueueEntry::headCommit,
            QueueEntry::mergeCommit, QueueEntry::author, QueueEntry::mergedAt)
        .containsExactly(12, "main", "aaa", "m-aaa", "dev12", "2026-01-01T10:00:00Z");
  }

  @Test
  void closedUnmergedOtherBranchesAndOtherActionsLeaveTheQueueAloneWithTheReason() throws Exception {
    Intake closed = intake.accept(new PullRequestEvent(REPO, 3, "closed", false, "main", "a", null, "x", null));
    Intake otherBranch = intake.accept(merged(4, "b", "release", null));
    Intake opened = intake.accept(new PullRequestEvent(REPO, 5, "opened", false, "main", "c", "t", "x", null));
    Intake notQueued = intake.accept(pushed(6, "d"));

    assertThat(closed.message()).isEqualTo("PR #3 was closed without merging");
    assertThat(otherBranch.message()).isEqualTo("PR #4 targets release, not main");
    assertThat(opened.message()).isEqualTo("PR #5: 'opened' does not change the queue");
    assertThat(notQueued.message()).isEqualTo("PR #6 has a new commit but is not queued in acme/live");
    assertThat(java.util.List.of(closed, otherBranch, opened, notQueued))
        .allSatisfy(i -> assertThat(i.kind()).isEqualTo(Intake.Kind.IGNORED));
    assertThat(queue.state().entries()).isEmpty();
  }

  @Test
  void theSameMergeDeliveredTwiceIsOneEntry() throws Exception {
    intake.accept(merged(12, "aaa", "main", null));
    Intake again = intake.accept(merged(12, "aaa", "main", null));

    assertThat(again.kind()).isEqualTo(Intake.Kind.DUPLICATE);
    assertThat(again.changed()).isFalse();
    assertThat(queue.state().entries()).hasSize(1);
  }

  @Test
  void aNewCommitOfAWaitingPullRequestSupersedesItsEntryInPlace() throws Exception {
    intake.accept(merged(11, "a11", "main", "2026-01-01T09:00:00Z"));
    intake.accept(merged(12, "a12", "main", "2026-01-01T10:00:00Z"));
    intake.accept(merged(13, "a13", "main", "2026-01-01T11:00:00Z"));

    Intake result = intake.accept(pushed(12, "b12"));

    assertThat(result.kind()).isEqualTo(Intake.Kind.SUPERSEDED);
    assertThat(queue.state().waiting(REPO)).extracting(QueueEntry::headCommit).containsExactly("a11", "b12", "a13");
  }

  @Test
  void aNewCommitOfTheDeployingPullRequestReleaseChangesToIt() throws Exception {
    intake.accept(merged(11, "a11", "main", "2026-01-01T09:00:00Z"));
    intake.accept(merged(12, "a12", "main", "2026-01-01T10:00:00Z"));
    QueueEntry deploying = queue.next(REPO).started();

    Intake result = intake.accept(pushed(11, "b11"));

    assertThat(result.kind()).isEqualTo(Intake.Kind.RELEASE_CHANGED);
    assertThat(queue.stopRequested(deploying.id())).isTrue();
    assertThat(queue.state().waiting(REPO)).extracting(QueueEntry::headCommit).containsExactly("b11", "a12");
  }

  @Test
  void aMergedEventWithoutAMergeCommitIsAnErrorNotAGuess() {
    assertThatThrownBy(() -> intake.accept(
        new PullRequestEvent(REPO, 7, "closed", true, "main", "abc", null, "x", null)))
        .isInstanceOf(QueueException.class)
        .hasMessage("PR #7 was merged into main but the event has no merge commit");
  }
}
