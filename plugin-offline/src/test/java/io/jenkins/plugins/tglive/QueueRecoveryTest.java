package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Job;
import io.tglive.queue.DeployQueue;
import io.tglive.queue.EntryState;
import io.tglive.queue.QueueDirectory;
import io.tglive.queue.QueueEntry;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller restart with a deploy queue, offline: the trigger waits while Jenkins starts (a build
 * scheduled before Jenkins loads its saved queue would be discarded), then {@link QueueRecovery} finds
 * the deploying entry's build where Jenkins has it, or schedules it again when it was lost.
 */
class QueueRecoveryTest {

  @TempDir Path home;

  private QueueFixture jenkins;
  private Job<?, ?> deploy;

  @BeforeEach
  void controller() {
    jenkins = new QueueFixture(home);
    deploy = QueueFixture.job("live-deploy");
  }

  @AfterEach
  void stop() {
    jenkins.close();
  }

  private Optional<QueueEntry> deploying() throws Exception {
    try (DeployQueue queue = DeployQueue.open(QueueDirectory.of(home.resolve("tglive-queues"), "acme/live"))) {
      return queue.deploying("acme/live");
    }
  }

  /** Restarts the controller, loads the job's trigger as Jenkins does while starting, then recovers. */
  private void restartAndRecover(boolean keepQueue) {
    jenkins.restart(home, keepQueue);
    jenkins.trigger(deploy, "acme/live", 3);
    assertThat(jenkins.scheduled).as("nothing is scheduled before Jenkins has loaded its saved queue")
        .hasSize(scheduledBefore);
    QueueRecovery.recoverAll();
  }

  private int scheduledBefore;

  private void merge(int pr, String head, String mergedAt) throws Exception {
    QueueFixture.fire(QueueFixture.merged(pr, head, mergedAt));
    scheduledBefore = jenkins.scheduled.size();
  }

  @Test
  void aDeployingEntryWhoseQueuedBuildWasLostInTheRestartIsScheduledAgainCountingNoAttempt() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    merge(12, "aaa", "2026-01-01T10:00:00Z");
    assertThat(jenkins.scheduledPrs()).containsExactly("12");

    restartAndRecover(false);

    assertThat(jenkins.scheduledPrs()).containsExactly("12", "12");
    assertThat(jenkins.scheduled.get(1).action().build()).isEqualTo(jenkins.scheduled.get(0).action().build());
    assertThat(deploying()).get().extracting(QueueEntry::pr, QueueEntry::attempts).containsExactly(12, 0);

    assertThat(jenkins.complete(jenkins.scheduled.get(1), true)).contains("PR #12 (aaa) succeeded");
    assertThat(deploying()).isEmpty();
  }

  @Test
  void aDeployingEntryWhoseBuildJenkinsKeptInItsQueueOrIsRunningIsLeftToThatBuild() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    merge(12, "aaa", "2026-01-01T10:00:00Z");

    restartAndRecover(true);
    assertThat(jenkins.scheduledPrs()).as("still in Jenkins' saved queue").containsExactly("12");

    jenkins.start(jenkins.scheduled.get(0), null);
    restartAndRecover(true);
    assertThat(jenkins.scheduledPrs()).as("running (a resumed Pipeline)").containsExactly("12");
    assertThat(deploying()).get().extracting(QueueEntry::pr).isEqualTo(12);
  }

  @Test
  void aBuildThatEndedWhileNothingCouldRecordItIsRecordedAfterTheRestartAndTheNextPullRequestStarts()
      throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    merge(12, "aaa", "2026-01-01T10:00:00Z");
    merge(13, "bbb", "2026-01-01T10:05:00Z");
    jenkins.start(jenkins.scheduled.get(0), QueueFixture.result(true));

    restartAndRecover(true);

    assertThat(jenkins.scheduledPrs()).containsExactly("12", "13");
    assertThat(deploying()).get().extracting(QueueEntry::pr).isEqualTo(13);
    try (DeployQueue queue = DeployQueue.open(QueueDirectory.of(home.resolve("tglive-queues"), "acme/live"))) {
      assertThat(queue.state().entries()).filteredOn(e -> e.pr() == 12).extracting(QueueEntry::state)
          .containsExactly(EntryState.SUCCEEDED);
    }
  }

  @Test
  void theBuildOfAnEarlierFailedAttemptIsNotTakenForTheLostBuildOfTheAttemptAfterIt() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    merge(12, "aaa", "2026-01-01T10:00:00Z");
    jenkins.complete(jenkins.scheduled.get(0), false);
    assertThat(jenkins.scheduled).hasSize(2);
    assertThat(jenkins.scheduled.get(1).action().build().attempt()).isEqualTo(2);
    scheduledBefore = 2;

    restartAndRecover(false);

    assertThat(jenkins.scheduledPrs()).as("attempt 2 scheduled again, not attempt 1's failure recorded twice")
        .containsExactly("12", "12", "12");
    assertThat(jenkins.scheduled.get(2).action().build().attempt()).isEqualTo(2);
    assertThat(deploying()).get().extracting(QueueEntry::attempts).isEqualTo(1);
  }

  @Test
  void aPullRequestWaitingAtTheRestartStartsOnceJenkinsHasLoadedEverything() throws Exception {
    try (DeployQueue queue = DeployQueue.open(QueueDirectory.of(home.resolve("tglive-queues"), "acme/live"))) {
      queue.add(new io.tglive.queue.Enqueue(null, "acme/live", 12, "main", "aaa", "m-aaa", "dev", null));
    }

    restartAndRecover(true);

    assertThat(jenkins.scheduledPrs()).containsExactly("12");
    assertThat(deploying()).get().extracting(QueueEntry::pr).isEqualTo(12);
  }

  @Test
  void aLostBuildThatJenkinsRefusesToScheduleAgainFailsTheAttemptInsteadOfWaitingForever() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    merge(12, "aaa", "2026-01-01T10:00:00Z");
    jenkins.refuse = true;

    restartAndRecover(false);

    assertThat(jenkins.scheduledPrs()).containsExactly("12");
    try (DeployQueue queue = DeployQueue.open(QueueDirectory.of(home.resolve("tglive-queues"), "acme/live"))) {
      QueueEntry entry = queue.state().entries().stream().filter(e -> e.pr() == 12).findFirst().orElseThrow();
      assertThat(entry.attempts()).isEqualTo(1);
      assertThat(entry.reason()).contains("its build was lost when the controller stopped",
          "Jenkins refused to schedule live-deploy again");
    }
  }
}
