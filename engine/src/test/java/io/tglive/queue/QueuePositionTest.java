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

class QueuePositionTest {

  static final String REPO = "acme/live";

  @TempDir Path dir;

  private DeployQueue queue;

  @BeforeEach
  void open() throws Exception {
    queue = DeployQueue.open(dir, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 1000);
    queue.add(new Enqueue(null, REPO, 10, "main", "head10aaaa", "merge10aaa", "dev", "2026-01-01T09:00:00Z"));
    queue.add(new Enqueue(null, REPO, 11, "main", "head11aaaa", "merge11aaa", "dev", "2026-01-01T10:00:00Z"));
    queue.add(new Enqueue(null, REPO, 12, "main", "head12aaaa", "merge12aaa", "dev", "2026-01-01T11:00:00Z"));
    queue.add(new Enqueue(null, REPO, 13, "main", "head13aaaa", "merge13aaa", "dev", "2026-01-01T12:00:00Z"));
    queue.next(REPO);
  }

  @AfterEach
  void close() throws Exception {
    queue.close();
  }

  private String position(int pr) throws Exception {
    return QueuePosition.of(queue.state(), REPO, pr).map(QueuePosition::text).orElse("not queued");
  }

  @Test
  void aWaitingPullRequestIsShownWithItsPositionAndThePullRequestAheadOfIt() throws Exception {
    assertThat(position(12)).isEqualTo("queued: position 2 of 3, behind PR #11");
    assertThat(position(11)).isEqualTo("queued: position 1 of 3, behind PR #10 (deploying)");
    assertThat(position(10)).isEqualTo("deploying now (queue acme/live)");
    assertThat(position(99)).isEqualTo("not queued");
  }

  @Test
  void theHeadOfAnIdleQueueIsNextAndFailedAttemptsAreCounted() throws Exception {
    queue.complete(REPO, 10, Outcome.FAILED, "boom", 3);

    assertThat(position(10)).isEqualTo("queued: position 1 of 4, next to deploy; 1 failed attempt so far");
  }

  @Test
  void anOverrideChangesThePositionShown() throws Exception {
    queue.override(REPO, 13, "lead");

    assertThat(position(13)).isEqualTo("queued: position 1 of 3, behind PR #10 (deploying)");
    assertThat(position(12)).isEqualTo("queued: position 3 of 3, behind PR #11");
  }

  @Test
  void aCommitFindsItsPullRequestByHeadOrMergeCommitAndAShortPrefixFindsNothing() throws Exception {
    assertThat(QueuePosition.ofCommit(queue.state(), "head12a").map(QueuePosition::text))
        .contains("queued: position 2 of 3, behind PR #11");
    assertThat(QueuePosition.ofCommit(queue.state(), "merge13aaa").map(p -> p.entry().pr())).contains(13);
    assertThat(QueuePosition.ofCommit(queue.state(), "head1")).isEmpty();
  }

  @Test
  void onlyTheDeployingEntrysBuildMayRunWhileItDeploys() throws Exception {
    long deploying = queue.deploying(REPO).orElseThrow().id();
    long waiting = queue.waiting(REPO).get(0).id();

    assertThat(queue.blockedReason(REPO, deploying)).isEmpty();
    assertThat(queue.blockedReason(REPO, waiting)).contains("waiting: PR #10 is deploying");
    assertThat(queue.blockedReason(REPO, null)).contains("waiting: PR #10 is deploying");
    assertThat(queue.blockedReason("other/repo", null)).isEmpty();
  }

  @Test
  void queueNamesBecomeDistinctSafeDirectoryNames() {
    Path root = Path.of("/q");
    assertThat(QueueDirectory.of(root, "acme/live")).isEqualTo(root.resolve("acme%2Flive"));
    assertThat(QueueDirectory.of(root, "acme_live")).isEqualTo(root.resolve("acme_live"));
    assertThat(QueueDirectory.of(root, "..")).isEqualTo(root.resolve("%2E."));
    assertThat(QueueDirectory.of(root, "a b%")).isEqualTo(root.resolve("a%20b%25"));
    assertThatThrownBy(() -> QueueDirectory.of(root, " ")).isInstanceOf(IllegalArgumentException.class);
  }
}
