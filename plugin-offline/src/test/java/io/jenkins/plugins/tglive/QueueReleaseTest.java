package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.when;

import hudson.model.Job;
import hudson.model.Run;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.stepwise.StepwiseRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release change through the {@code terragruntQueue} trigger, offline: a new commit of the deploying
 * pull request releases its running build's deploy run (a real run directory: its units not started
 * are blocked with the reason), the build's end supersedes the entry, and the new commit gets the next
 * build; a run started after the change is released as it starts.
 */
class QueueReleaseTest {

  private static final String WHY = "release change by dev12: deploy bbb instead";

  @TempDir Path home;
  @TempDir Path buildDir;

  private QueueFixture jenkins;
  private Job<?, ?> deploy;
  private Run<?, ?> build;

  @BeforeEach
  void controller() {
    jenkins = new QueueFixture(home);
    deploy = QueueFixture.job("live-deploy");
  }

  @AfterEach
  void stop() throws Exception {
    if (build != null) {
      BuildRuns.close(build);
    }
    jenkins.close();
  }

  /** The scheduled build, running, with a deploy run: app planned (waiting for its gate), db pending. */
  private Run<?, ?> running(QueueFixture.Scheduled scheduled) throws Exception {
    Run<?, ?> run = GateRunFixture.build(buildDir);
    when(run.getAction(QueueBuildAction.class)).thenReturn(scheduled.action());
    when(run.isBuilding()).thenReturn(true);
    return run;
  }

  @Test
  void aNewCommitOfTheDeployingPullRequestReleasesItsRunningBuildAndDeploysNextWhenItEnds() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    QueueFixture.fire(QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z"));
    QueueFixture.fire(QueueFixture.merged(13, "ccc", "2026-01-01T10:05:00Z"));
    QueueFixture.Scheduled first = jenkins.scheduled.get(0);
    build = running(first);
    doReturn(build).when(deploy).getLastBuild();

    QueueFixture.fire(QueueFixture.payload("acme/live", 12, "synchronize", "main", "bbb", null, null));

    StepwiseRun run = BuildRuns.of(build);
    for (String unit : List.of("app", "db")) {
      assertThat(run.record(unit).status()).as(unit).isEqualTo(UnitStatus.BLOCKED);
      assertThat(run.record(unit).message()).as(unit).isEqualTo(WHY);
    }
    assertThat(jenkins.scheduledPrs()).as("nothing else starts while the released build runs").containsExactly("12");

    String log = jenkins.complete(first, false);

    assertThat(log).contains("PR #12 (aaa) superseded: release change: stopped (failed: build result FAILURE)");
    assertThat(jenkins.scheduledPrs()).as("the new commit deploys before PR #13").containsExactly("12", "12");
    assertThat(jenkins.scheduled.get(1).parameters()).containsEntry("TG_HEAD_COMMIT", "bbb");
  }

  @Test
  void aDeployRunStartedAfterTheReleaseChangeIsReleasedAsItStarts() throws Exception {
    jenkins.trigger(deploy, "acme/live", 3);
    QueueFixture.fire(QueueFixture.merged(12, "aaa", "2026-01-01T10:00:00Z"));
    QueueFixture.Scheduled first = jenkins.scheduled.get(0);

    QueueFixture.fire(QueueFixture.payload("acme/live", 12, "synchronize", "main", "bbb", null, null));
    build = running(first);
    StepwiseRun run = BuildRuns.of(build);
    assertThat(run.released()).as("no build of the entry had a run yet").isEmpty();
    List<String> log = new ArrayList<>();

    QueueDispatch.jenkins().runStarted(first.action().build(), run, log::add);

    assertThat(run.released()).contains(WHY);
    assertThat(run.record("app").status()).isEqualTo(UnitStatus.BLOCKED);
    assertThat(log).containsExactly("terragruntQueue acme/live: " + WHY + "; nothing of this run will be planned or"
        + " applied");
  }
}
