package io.tglive.run.stepwise;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.deploy.RealLiveRepo;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.UnitStatus;
import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release change stopping a stepwise run gracefully, with the real terragrunt and OpenTofu (skipped
 * where they are not installed): the running apply finishes, what has not started is blocked with the
 * reason, later steps are refused, and the release survives a restart.
 */
class StepwiseReleaseTest {

  private static final String WHY = "release change by alice: deploy 0123456789ab instead";

  @TempDir Path tmp;

  private RealStepwise runs;

  @BeforeEach
  void tools() throws Exception {
    runs = new RealStepwise(tmp);
  }

  @AfterEach
  void stop() {
    if (runs != null) { // null when the real tools are missing and the test was skipped
      runs.close();
    }
  }

  @Test
  void aReleaseLetsTheRunningApplyFinishBlocksWhatHasNotStartedAndRefusesLaterSteps() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\"\nsleep = 4"));
      repo.write("mid/terragrunt.hcl", RealLiveRepo.unit("value = dependency.net.outputs.value", "net"));
      repo.write("other/terragrunt.hcl", RealLiveRepo.unit("value = \"other\""));
      repo.write("solo/terragrunt.hcl", RealLiveRepo.unit("value = \"solo\""));
      repo.commit("units");
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        assertThat(run.plan("net", runs.work(run, repo, "net")).changes()).isTrue();
        assertThat(run.plan("other", runs.work(run, repo, "other")).changes()).isTrue();
        LinkedBlockingQueue<DependencyState> told = new LinkedBlockingQueue<>();
        run.whenDecided("mid", told::add);
        Future<UnitOutcome> netApply = runs.callbacks.submit(() -> run.apply("net", runs.work(run, repo, "net")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (run.record("net").status() != UnitStatus.APPLYING && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(run.record("net").status()).as("net's apply is running").isEqualTo(UnitStatus.APPLYING);

        run.release(WHY);

        for (String unit : List.of("mid", "other", "solo")) {
          assertThat(run.record(unit).status()).as(unit).isEqualTo(UnitStatus.BLOCKED);
          assertThat(run.record(unit).message()).as(unit).isEqualTo(WHY);
        }
        assertThat(run.dependencies("mid").kind()).as("a step waiting for net is told at once")
            .isEqualTo(DependencyState.Kind.BLOCKED);
        assertThat(told.poll(10, TimeUnit.SECONDS).kind()).isEqualTo(DependencyState.Kind.BLOCKED);
        UnitOutcome net = netApply.get(120, TimeUnit.SECONDS);
        assertThat(net.status()).as("the running apply finished").isEqualTo(UnitStatus.APPLIED);
        assertThat(runs.state.resolve("net/terraform.tfstate")).exists();

        UnitOutcome soloPlan = run.plan("solo", runs.work(run, repo, "solo"));
        assertThat(soloPlan.succeeded()).isFalse();
        assertThat(soloPlan.message()).isEqualTo(WHY);
        UnitOutcome otherApply = run.apply("other", runs.work(run, repo, "other"));
        assertThat(otherApply.status()).isEqualTo(UnitStatus.BLOCKED);
        assertThat(otherApply.message()).isEqualTo(WHY);
        assertThat(run.released()).contains(WHY);
      }
      List<RunEvent> events = runs.events();
      assertThat(events.stream().filter(e -> e.type() == EventType.APPLY_STARTED).map(RunEvent::unit))
          .as("nothing applied after the release but the apply already running").containsExactly("net");
      assertThat(events.stream().filter(e -> e.type() == EventType.PLANNING).map(RunEvent::unit))
          .as("nothing planned after the release").containsExactly("net", "other");
      assertThat(runs.state.resolve("other/terraform.tfstate")).doesNotExist();
    }
  }

  @Test
  void aReleasedRunResumedAfterARestartStillRefusesItsUnits() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("units");
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        run.release(WHY);
        run.release("a second reason is not kept");
      }
      try (StepwiseRun resumed = runs.resume("restarted")) {
        assertThat(resumed.released()).contains(WHY);
        UnitOutcome plan = resumed.plan("net", runs.work(resumed, repo, "net"));
        assertThat(plan.status()).isEqualTo(UnitStatus.BLOCKED);
        assertThat(plan.message()).isEqualTo(WHY);
      }
      assertThat(runs.state.resolve("net")).doesNotExist();
    }
  }
}
