package io.tglive.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployQueueTest {

  static final String REPO = "acme/live";

  @TempDir Path dir;

  private DeployQueue queue;

  @BeforeEach
  void open() throws Exception {
    queue = DeployQueue.open(dir, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 1000);
  }

  @AfterEach
  void close() throws Exception {
    queue.close();
  }

  static Enqueue merged(int pr, String head, String mergedAt) {
    return new Enqueue(null, REPO, pr, "main", head, "m-" + head, "dev" + pr, mergedAt);
  }

  private List<Integer> waitingPrs() throws Exception {
    return queue.state().waiting(REPO).stream().map(QueueEntry::pr).toList();
  }

  @Test
  void mergedPullRequestsDeployOneAtATimeInMergeOrderNotArrivalOrder() throws Exception {
    queue.add(merged(3, "c3", "2026-01-01T10:00:02Z"));
    queue.add(merged(1, "c1", "2026-01-01T10:00:00Z"));
    queue.add(merged(2, "c2", "2026-01-01T10:00:00.5Z"));
    assertThat(waitingPrs()).containsExactly(1, 2, 3);

    Next first = queue.next(REPO);
    assertThat(first.started().pr()).isEqualTo(1);
    assertThat(first.started().state()).isEqualTo(EntryState.DEPLOYING);
    Next blocked = queue.next(REPO);
    assertThat(blocked.started()).isNull();
    assertThat(blocked.waitReason()).isEqualTo("waiting: PR #1 is deploying");

    queue.complete(REPO, 1, Outcome.SUCCEEDED, null, 3);
    assertThat(queue.next(REPO).started().pr()).isEqualTo(2);
    queue.complete(REPO, 2, Outcome.SUCCEEDED, null, 3);
    assertThat(queue.next(REPO).started().pr()).isEqualTo(3);
    queue.complete(REPO, 3, Outcome.SUCCEEDED, "ok", 3);
    assertThat(queue.next(REPO).waitReason()).isEqualTo("the queue is empty");
    assertThat(queue.state().entries()).extracting(QueueEntry::state).containsOnly(EntryState.SUCCEEDED);
  }

  @Test
  void namedQueuesDeployInParallel() throws Exception {
    queue.add(merged(1, "a", null));
    queue.add(new Enqueue(null, "acme/other", 1, "main", "b", "mb", "x", null));
    assertThat(queue.next(REPO).started()).isNotNull();
    assertThat(queue.next("acme/other").started()).as("another repository's queue is independent").isNotNull();
    assertThat(queue.state().queues()).containsExactly("acme/live", "acme/other");
  }

  @Test
  void overrideMovesAPullRequestToTheFrontAndTheLatestOverrideGoesFirst() throws Exception {
    for (int pr = 1; pr <= 4; pr++) {
      queue.add(merged(pr, "c" + pr, "2026-01-01T10:00:0" + pr + "Z"));
    }
    QueueEntry moved = queue.override(REPO, 3, "admin");
    assertThat(moved.priority()).isPositive();
    assertThat(waitingPrs()).containsExactly(3, 1, 2, 4);
    queue.override(REPO, 4, "admin");
    assertThat(waitingPrs()).containsExactly(4, 3, 1, 2);
    assertThat(queue.next(REPO).started().pr()).isEqualTo(4);
  }

  @Test
  void aNewerCommitOfAWaitingPullRequestSupersedesItInPlace() throws Exception {
    queue.add(merged(1, "c1", "2026-01-01T10:00:01Z"));
    queue.add(merged(2, "old", "2026-01-01T10:00:02Z"));
    queue.add(merged(3, "c3", "2026-01-01T10:00:03Z"));
    AddResult result = queue.add(merged(2, "new", "2026-01-01T11:00:00Z"));
    assertThat(result.added()).isTrue();
    assertThat(result.superseded().headCommit()).isEqualTo("old");
    assertThat(result.superseded().state()).isEqualTo(EntryState.SUPERSEDED);
    assertThat(result.superseded().supersededBy()).isEqualTo(result.entry().id());
    assertThat(queue.state().waiting(REPO)).extracting(QueueEntry::headCommit).containsExactly("c1", "new", "c3");
  }

  @Test
  void theSameMergeAgainChangesNothing() throws Exception {
    QueueEntry first = queue.add(merged(1, "c1", null)).entry();
    AddResult again = queue.add(merged(1, "c1", null));
    assertThat(again.added()).isFalse();
    assertThat(again.entry()).isEqualTo(first);
    assertThat(queue.state().entries()).hasSize(1);
  }

  @Test
  void aFailedEntryKeepsItsPlaceAndIsDroppedAfterMaxAttemptsWithTheReason() throws Exception {
    queue.add(merged(1, "c1", "2026-01-01T10:00:01Z"));
    queue.add(merged(2, "c2", "2026-01-01T10:00:02Z"));
    queue.next(REPO);
    QueueEntry failed = queue.complete(REPO, 1, Outcome.FAILED, "vpc plan failed", 2);
    assertThat(failed.state()).isEqualTo(EntryState.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(queue.next(REPO).started().pr()).as("retried before later merges").isEqualTo(1);
    QueueEntry dropped = queue.complete(REPO, 1, Outcome.ROLLED_BACK, "apply failed", 2);
    assertThat(dropped.state()).isEqualTo(EntryState.DROPPED);
    assertThat(dropped.reason()).isEqualTo("dropped after 2 failed attempts (max 2); last rolled-back: apply failed");
    assertThat(queue.next(REPO).started().pr()).isEqualTo(2);
  }

  @Test
  void rolledBackIsRecordedAsSuchWhileAttemptsRemain() throws Exception {
    queue.add(merged(1, "c1", null));
    queue.next(REPO);
    assertThat(queue.complete(REPO, 1, Outcome.ROLLED_BACK, null, 3).state()).isEqualTo(EntryState.ROLLED_BACK);
  }

  @Test
  void removeDropsAWaitingEntryWithWhoAndWhyButNotTheDeployingOne() throws Exception {
    queue.add(merged(1, "c1", "2026-01-01T10:00:01Z"));
    queue.add(merged(2, "c2", "2026-01-01T10:00:02Z"));
    queue.next(REPO);
    QueueEntry removed = queue.remove(REPO, 2, "admin", "reverted");
    assertThat(removed.state()).isEqualTo(EntryState.DROPPED);
    assertThat(removed.reason()).isEqualTo("removed by admin: reverted");
    assertThatThrownBy(() -> queue.remove(REPO, 1, "admin", null))
        .isInstanceOf(QueueException.class)
        .hasMessage("cannot remove PR #1: it is deploying in queue acme/live; complete it, or release change to a "
            + "newer commit");
    assertThatThrownBy(() -> queue.override(REPO, 9, "admin"))
        .hasMessage("cannot override PR #9: it is not waiting in queue acme/live");
  }

  @Test
  void completingAPullRequestThatIsNotDeployingIsRefused() throws Exception {
    queue.add(merged(1, "c1", null));
    assertThatThrownBy(() -> queue.complete(REPO, 1, Outcome.SUCCEEDED, null, 3))
        .hasMessage("PR #1 is not deploying: nothing is deploying in queue acme/live");
    queue.add(merged(2, "c2", null));
    queue.next(REPO);
    assertThatThrownBy(() -> queue.complete(REPO, 2, Outcome.SUCCEEDED, null, 3))
        .hasMessage("PR #2 is not deploying in queue acme/live (PR #1 is)");
  }

  @Test
  void releaseChangeStopsTheDeploymentAndDeploysThePullRequestsNewestCommitNext() throws Exception {
    queue.add(merged(1, "c1", "2026-01-01T10:00:01Z"));
    queue.add(merged(2, "c2", "2026-01-01T10:00:02Z"));
    QueueEntry deploying = queue.next(REPO).started();
    assertThatThrownBy(() -> queue.releaseChange(REPO, 1, "alice"))
        .hasMessage("PR #1 has no newer commit waiting in queue acme/live; add it first");
    queue.override(REPO, 2, "admin");
    QueueEntry newest = queue.add(merged(1, "c1-fix", null)).entry();
    assertThat(queue.stopRequested(deploying.id())).isFalse();

    QueueEntry front = queue.releaseChange(REPO, 1, "alice");
    assertThat(front.id()).isEqualTo(newest.id());
    assertThat(queue.stopRequested(deploying.id())).as("the runner's cancellation signal").isTrue();
    assertThat(waitingPrs()).as("the newest commit goes before the override").containsExactly(1, 2);

    QueueEntry stopped = queue.complete(REPO, 1, Outcome.FAILED, "cancelled", 1);
    assertThat(stopped.state()).isEqualTo(EntryState.SUPERSEDED);
    assertThat(stopped.supersededBy()).isEqualTo(newest.id());
    assertThat(stopped.attempts()).as("a stopped deployment counts no attempt").isZero();
    assertThat(queue.next(REPO).started().headCommit()).isEqualTo("c1-fix");
  }

  @Test
  void aNewerCommitOfTheDeployingPullRequestWaitsAtTheFront() throws Exception {
    queue.add(merged(1, "c1", "2026-01-01T10:00:01Z"));
    queue.add(merged(2, "c2", "2026-01-01T10:00:02Z"));
    queue.next(REPO);
    queue.add(merged(1, "c1-fix", "2026-01-01T12:00:00Z"));
    assertThat(queue.state().waiting(REPO)).extracting(QueueEntry::headCommit).containsExactly("c1-fix", "c2");
    QueueEntry failed = queue.complete(REPO, 1, Outcome.FAILED, "boom", 3);
    assertThat(failed.state()).isEqualTo(EntryState.SUPERSEDED);
    QueueEntry fix = queue.state().waitingFor(REPO, 1).orElseThrow();
    assertThat(fix.attempts()).as("the pull request's failures carry over").isEqualTo(1);
  }

  @Test
  void badRequestsAreRefusedWithOneLine() {
    assertThatThrownBy(() -> queue.add(new Enqueue(null, REPO, 0, "main", "h", "m", "a", null)))
        .hasMessage("PR number must be positive, not 0");
    assertThatThrownBy(() -> queue.add(new Enqueue(null, REPO, 1, "main", "", "m", "a", null)))
        .hasMessage("missing head commit");
    assertThatThrownBy(() -> queue.add(new Enqueue(null, REPO, 1, "main", "h", "m", "a", "yesterday")))
        .hasMessage("merge time 'yesterday' is not an ISO-8601 instant (2026-01-31T12:00:00Z)");
  }
}
