package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import hudson.model.Job;
import io.tglive.queue.DeployQueue;
import io.tglive.queue.EntryState;
import io.tglive.queue.QueueDirectory;
import io.tglive.queue.QueueEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GHEventPayload;

/**
 * The {@code terragruntQueue} trigger end to end, offline: GitHub pull request events through the
 * SCM event listener, the engine's queue in a temporary {@code JENKINS_HOME}, one scheduled build per
 * queue head, the run listener completing it.
 */
class QueueTriggerTest {

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

  private List<QueueEntry> waiting() throws IOException, io.tglive.queue.QueueException {
    try (DeployQueue queue = DeployQueue.open(QueueDirectory.of(home.resolve("tglive-queues"), "acme/live"))) {
      return queue.waiting("acme/live");
    }
  }

  @Test
  void twoMergesGiveTwoBuildsInMergeOrderTheSecondWhenTheFirstFinishes() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);

    QueueFixture.fire(QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z"));
    QueueFixture.fire(QueueFixture.merged(13, "bbb", "2026-01-01T10:05:00Z"));

    assertThat(jenkins.scheduledPrs()).containsExactly("12");
    assertThat(waiting()).extracting(QueueEntry::pr).containsExactly(13);

    String log = jenkins.complete(jenkins.scheduled.get(0), true);

    assertThat(log).contains("terragruntQueue acme/live: PR #12 (aaa) succeeded");
    assertThat(jenkins.scheduledPrs()).containsExactly("12", "13");
    assertThat(waiting()).isEmpty();
  }

  @Test
  void aBuildCarriesTheCommitsAsParametersACauseNamingThemAndNeverCoalesces() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);

    QueueFixture.fire(QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z"));

    QueueFixture.Scheduled build = jenkins.scheduled.get(0);
    assertThat(build.job()).isSameAs(deploy);
    assertThat(build.parameters()).containsExactly(
        java.util.Map.entry("TG_QUEUE", "acme/live"), java.util.Map.entry("TG_PR", "12"),
        java.util.Map.entry("TG_HEAD_COMMIT", "aaa"), java.util.Map.entry("TG_MERGE_COMMIT", "m-aaa"),
        java.util.Map.entry("TG_BASE_REF", "main"));
    assertThat(build.cause()).isEqualTo(
        "Started by the Terragrunt deploy queue acme/live: PR #12, head aaa, merge m-aaa, into main");
    assertThat(build.action().shouldSchedule(List.of())).isTrue();
    assertThat(build.action().build().pr()).isEqualTo(12);
  }

  @Test
  void onlyMergesIntoTheBaseBranchOfTheWatchedRepositoryJoinTheQueue() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    jenkins.trigger(QueueFixture.job("other"), "acme/other", 3);

    QueueFixture.fire(QueueFixture.payload("acme/live", 1, "closed", "main", "a1", null, null));
    QueueFixture.fire(QueueFixture.payload("acme/live", 2, "closed", "release", "a2", "m2", "2026-01-01T10:00:00Z"));
    QueueFixture.fire(QueueFixture.payload("acme/live", 3, "opened", "main", "a3", null, null));
    QueueFixture.fire(QueueFixture.payload("ACME/Live", 4, "closed", "main", "a4", "m4", "2026-01-01T10:00:00Z"));

    assertThat(jenkins.scheduled).extracting(QueueFixture.Scheduled::job).containsExactly(deploy);
    assertThat(jenkins.scheduledPrs()).containsExactly("4");
  }

  @Test
  void aWebhookDeliveredTwiceIsOneEntryAndANewCommitOfAWaitingPullRequestSupersedesIt() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    QueueFixture.fire(QueueFixture.merged(11, "a11", "2026-01-01T09:00:00Z"));
    QueueFixture.fire(QueueFixture.merged(12, "a12", "2026-01-01T10:00:00Z"));
    QueueFixture.fire(QueueFixture.merged(12, "a12", "2026-01-01T10:00:00Z"));

    QueueFixture.fire(QueueFixture.payload("acme/live", 12, "synchronize", "main", "b12", null, null));

    assertThat(waiting()).extracting(QueueEntry::pr, QueueEntry::headCommit).containsExactly(
        org.assertj.core.groups.Tuple.tuple(12, "b12"));
    assertThat(jenkins.scheduledPrs()).containsExactly("11");
  }

  @Test
  void aPayloadWhoseMergeCommitCannotBeReadChangesNothing() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    GHEventPayload.PullRequest payload = QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z");
    when(payload.getPullRequest().getMergeCommitSha()).thenThrow(new IOException("API rate limit exceeded"));

    QueueFixture.fire(payload);

    assertThat(jenkins.scheduled).isEmpty();
    assertThat(waiting()).isEmpty();
  }

  @Test
  void aFailedBuildDeploysAgainUntilMaxAttemptsThenIsDroppedAndTheNextStarts() throws Exception {
    jenkins.trigger(deploy, "acme/live", 2);
    QueueFixture.fire(QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z"));
    QueueFixture.fire(QueueFixture.merged(13, "bbb", "2026-01-01T10:05:00Z"));

    String first = jenkins.complete(jenkins.scheduled.get(0), false);
    assertThat(first).contains("PR #12 (aaa) failed: failed: build result FAILURE");
    assertThat(jenkins.scheduledPrs()).containsExactly("12", "12");

    String second = jenkins.complete(jenkins.scheduled.get(1), false);
    assertThat(second).contains("PR #12 (aaa) dropped: dropped after 2 failed attempts (max 2)");
    assertThat(jenkins.scheduledPrs()).containsExactly("12", "12", "13");
  }

  @Test
  void aBuildThatIsNoLongerTheDeployingEntryRecordsNothing() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    QueueFixture.fire(QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z"));
    jenkins.complete(jenkins.scheduled.get(0), true);

    String again = jenkins.complete(jenkins.scheduled.get(0), true);

    assertThat(again).contains("PR #12 is no longer deploying; nothing recorded");
  }

  @Test
  void aBuildJenkinsRefusesFailsTheAttemptInsteadOfWaitingForever() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    jenkins.refuse = true;

    QueueFixture.fire(QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z"));

    assertThat(waiting()).singleElement().satisfies(entry -> {
      assertThat(entry.state()).isEqualTo(EntryState.FAILED);
      assertThat(entry.reason()).isEqualTo(
          "failed: Jenkins refused to schedule a build of live-deploy (is it disabled?)");
    });
  }

  @Test
  void aTriggerConfiguredOnARunningControllerStartsTheWaitingHeadOfItsDurableQueue() throws Exception {
    try (DeployQueue queue = DeployQueue.open(QueueDirectory.of(home.resolve("tglive-queues"), "acme/live"))) {
      queue.add(new io.tglive.queue.Enqueue(null, "acme/live", 12, "main", "aaa", "m-aaa", "dev", null));
    }

    jenkins.trigger(deploy, "acme/live", 3);

    assertThat(jenkins.scheduledPrs()).containsExactly("12");
  }

  @Test
  void triggersOfAControllerThatStoppedAndAJobsEarlierTriggerAreForgotten() throws Exception {
    QueueTrigger before = jenkins.trigger(deploy, "acme/live", 3);
    QueueTrigger replaced = jenkins.trigger(deploy, "acme/live", 3);
    assertThat(QueueTrigger.active()).containsExactly(replaced);

    jenkins.restart(home);
    Job<?, ?> reloaded = QueueFixture.job("live-deploy");
    QueueTrigger after = jenkins.trigger(reloaded, "acme/live", 3);
    QueueFixture.fire(QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z"));

    assertThat(QueueTrigger.active()).containsExactly(after).doesNotContain(before);
    assertThat(jenkins.scheduled).extracting(QueueFixture.Scheduled::job).containsExactly(reloaded);
  }

  @Test
  void theTriggerNeedsAnOwnerNameRepositoryAndAtLeastOneAttempt() {
    assertThatThrownBy(() -> new QueueTrigger("live")).hasMessage(
        "terragruntQueue: repository must be owner/name, not 'live'");
    assertThatThrownBy(() -> new QueueTrigger("acme/live").setMaxAttempts(0)).hasMessage(
        "terragruntQueue: maxAttempts must be at least 1, not 0");
    QueueTrigger trigger = new QueueTrigger(" acme/live ");
    trigger.setQueue(" ");
    trigger.setBaseBranch(null);
    assertThat(trigger.queueName()).isEqualTo("acme/live");
    assertThat(trigger.getBaseBranch()).isEqualTo("main");
    trigger.setQueue("infra");
    assertThat(trigger.queueName()).isEqualTo("infra");
  }
}
