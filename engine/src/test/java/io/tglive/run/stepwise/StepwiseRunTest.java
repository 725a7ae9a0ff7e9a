package io.tglive.run.stepwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.run.CommandResult;
import io.tglive.run.deploy.RealLiveRepo;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.UnitStatus;
import io.tglive.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run driven step by step, as the Jenkins steps drive it, with the real terragrunt and OpenTofu
 * (skipped where they are not installed): dependency callbacks, plans that see the outputs their
 * dependencies just applied, the approval rule, the plan file check, blocking, and the resume rules.
 */
class StepwiseRunTest {

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
  void aDependentIsCalledBackWhenItsDependencyIsAppliedAndItsPlanSeesTheNewOutput() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net-v1\""));
      repo.write("app/terragrunt.hcl", RealLiveRepo.unit("value = \"app-on-${dependency.net.outputs.value}\"", "net"));
      repo.commit("units");
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        LinkedBlockingQueue<DependencyState> told = new LinkedBlockingQueue<>();
        run.whenDecided("app", told::add);
        assertThat(run.dependencies("app").waitingFor()).containsExactly("net");
        assertThatThrownBy(() -> run.plan("app", runs.work(run, repo, "app")))
            .isInstanceOf(IllegalStateException.class).hasMessage("app still waits for net");

        UnitOutcome netPlan = run.plan("net", runs.work(run, repo, "net"));
        assertThat(netPlan.changes()).isTrue();
        assertThat(netPlan.gateRequired()).as("no account: no approvals").isFalse();
        assertThat(netPlan.plan().changes()).containsExactly("create terraform_data.this");
        assertThat(told.poll(200, TimeUnit.MILLISECONDS)).as("not called back while net is only planned").isNull();

        assertThat(run.apply("net", runs.work(run, repo, "net")).status()).isEqualTo(UnitStatus.APPLIED);
        assertThat(told.poll(10, TimeUnit.SECONDS)).isEqualTo(new DependencyState(DependencyState.Kind.READY,
            List.of(), null));
        UnitOutcome appPlan = run.plan("app", runs.work(run, repo, "app"));
        assertThat(appPlan.changes()).isTrue();
        assertThat(run.apply("app", runs.work(run, repo, "app")).status()).isEqualTo(UnitStatus.APPLIED);
        assertThat(output("app")).isEqualTo("app-on-net-v1");

        assertThat(run.apply("net", runs.work(run, repo, "net")).status()).as("never applied twice")
            .isEqualTo(UnitStatus.APPLIED);
        assertThat(run.end("the build ended")).isEqualTo(RunOutcome.SUCCEEDED);
      }
      List<RunEvent> events = runs.events();
      assertThat(events.stream().filter(e -> e.type() == EventType.APPLIED).map(RunEvent::unit))
          .containsExactly("net", "app");
      assertThat(events.stream().filter(e -> e.type() == EventType.GATED))
          .allSatisfy(e -> assertThat(e.who()).isEqualTo("no gate"));
    }
  }

  @Test
  void aPlanWithoutChangesFinishesTheUnitWithoutGateOrApply() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("v1");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("v1");
      try (StepwiseRun run = runs.create(repo, "main", "v1")) {
        run.plan("net", runs.work(run, repo, "net"));
        run.apply("net", runs.work(run, repo, "net"));
      }
      repo.branch("v2");
      repo.write("net/README.md", "a change that changes no resource\n");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\"") + "# comment\n");
      repo.commit("v2");
      Files.delete(runs.runDirectory().resolve("journal.jsonl"));
      try (StepwiseRun run = runs.create(repo, "v1", "v2")) {
        UnitOutcome plan = run.plan("net", runs.work(run, repo, "net"));
        assertThat(plan.status()).isEqualTo(UnitStatus.NO_CHANGES);
        assertThat(plan.changes()).isFalse();
        assertThat(run.apply("net", runs.work(run, repo, "net")).status()).isEqualTo(UnitStatus.NO_CHANGES);
      }
      assertThat(runs.events().stream().map(RunEvent::type)).doesNotContain(EventType.GATED, EventType.APPLY_STARTED);
    }
  }

  @Test
  void anApplyWithoutApprovalIsRefusedAndBlocksEveryTransitiveDependentByTheUnitThatFailed() throws Exception {
    try (TestRepo repo = gatedRepo()) {
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        LinkedBlockingQueue<DependencyState> mid = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<DependencyState> leaf = new LinkedBlockingQueue<>();
        run.whenDecided("mid", mid::add);
        run.whenDecided("leaf", leaf::add);
        UnitOutcome plan = run.plan("net", runs.work(run, repo, "net"));
        assertThat(plan.gateRequired()).isTrue();
        UnitOutcome apply = run.apply("net", runs.work(run, repo, "net"));
        assertThat(apply.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(apply.message()).isEqualTo("plan " + plan.plan().hash().substring(0, 12)
            + " was not approved (1 approval(s) required): not applied");
        assertThat(runs.state.resolve("net/terraform.tfstate")).doesNotExist();

        DependencyState midState = mid.poll(10, TimeUnit.SECONDS);
        assertThat(midState.kind()).isEqualTo(DependencyState.Kind.BLOCKED);
        assertThat(midState.blockedBy()).isEqualTo("net");
        assertThat(leaf.poll(200, TimeUnit.MILLISECONDS)).as("leaf waits for mid, which is not blocked yet").isNull();
        UnitOutcome blocked = run.plan("mid", runs.work(run, repo, "mid"));
        assertThat(blocked.status()).isEqualTo(UnitStatus.BLOCKED);
        assertThat(blocked.message()).isEqualTo("blocked by net");
        assertThat(leaf.poll(10, TimeUnit.SECONDS).blockedBy()).as("the root cause, as tglive run names it")
            .isEqualTo("net");
        assertThat(run.end("the build ended")).isEqualTo(RunOutcome.FAILED);
      }
    }
  }

  @Test
  void anApprovedPlanIsAppliedAndARejectedOneIsNot() throws Exception {
    try (TestRepo repo = gatedRepo()) {
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        UnitOutcome plan = run.plan("net", runs.work(run, repo, "net"));
        run.ledger().record(RunEvent.of(EventType.AWAITING_APPROVAL, "net"));
        run.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "alice", "looks right"));
        assertThat(run.record("net").approvedHash()).isEqualTo(plan.plan().hash());
        assertThat(run.apply("net", runs.work(run, repo, "net")).status()).isEqualTo(UnitStatus.APPLIED);
        assertThat(run.record("net").appliedHash()).isEqualTo(plan.plan().hash());

        run.plan("mid", runs.work(run, repo, "mid"));
        run.ledger().record(RunEvent.of(EventType.GATED, "mid").withDecision(false, "bob", "not today"));
        UnitOutcome rejected = run.apply("mid", runs.work(run, repo, "mid"));
        assertThat(rejected.status()).isEqualTo(UnitStatus.REJECTED);
        assertThat(rejected.message()).isEqualTo("rejected by bob: not today");
        assertThat(runs.state.resolve("mid/terraform.tfstate")).doesNotExist();
        assertThat(run.plan("leaf", runs.work(run, repo, "leaf")).message()).isEqualTo("blocked by mid");
        assertThat(run.end("the build ended")).isEqualTo(RunOutcome.REJECTED);
      }
    }
  }

  @Test
  void aPlanFileChangedAfterItsApprovalIsNotApplied() throws Exception {
    try (TestRepo repo = gatedRepo()) {
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        UnitWork work = runs.work(run, repo, "net");
        run.plan("net", work);
        run.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "alice", ""));
        Files.write(work.planFile(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        UnitOutcome apply = run.apply("net", work);
        assertThat(apply.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(apply.message()).startsWith("the plan file changed after it was approved");
        assertThat(runs.state.resolve("net/terraform.tfstate")).doesNotExist();
      }
    }
  }

  @Test
  void aUnitCaughtMidApplyWhoseApplyHadFinishedIsRecordedAppliedOnResumeWithoutApplyingAgain() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("units");
      String hash;
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        UnitWork work = runs.work(run, repo, "net");
        hash = run.plan("net", work).plan().hash();
        // the controller records the apply's start, the apply runs to its end, and the controller dies
        // before it records the result
        run.ledger().record(RunEvent.of(EventType.AWAITING_APPROVAL, "net"));
        run.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "no gate", ""));
        run.ledger().record(RunEvent.of(EventType.APPLY_STARTED, "net").withPlan(run.record("net").plan(), null));
        Path checkout = work.checkouts().root(run.header().headCommit());
        CommandResult applied = runs.runner.run(work.commands().apply("net", checkout.resolve("net"),
            run.header().headCommit(), work.planFile()), line -> {});
        assertThat(applied.exitCode()).isZero();
      }
      try (StepwiseRun run = runs.resume("the controller restarted")) {
        UnitOutcome outcome = run.apply("net", runs.work(run, repo, "net"));
        assertThat(outcome.status()).isEqualTo(UnitStatus.APPLIED);
        assertThat(outcome.message()).contains("its apply had finished");
        assertThat(run.record("net").appliedHash()).isEqualTo(hash);
        assertThat(run.record("net").applies()).isEqualTo(1);
      }
      assertThat(runs.events().stream().filter(e -> e.type() == EventType.APPLY_STARTED)).hasSize(1);
      assertThat(output("net")).isEqualTo("net");
    }
  }

  @Test
  void aUnitCaughtMidApplyWhoseApplyHadNotRunFailsOnResumeInsteadOfApplyingUnapproved() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("units");
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        run.plan("net", runs.work(run, repo, "net"));
        run.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "no gate", ""));
        run.ledger().record(RunEvent.of(EventType.APPLY_STARTED, "net").withPlan(run.record("net").plan(), null));
      }
      try (StepwiseRun run = runs.resume("the controller restarted")) {
        UnitOutcome outcome = run.apply("net", runs.work(run, repo, "net"));
        assertThat(outcome.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(outcome.message()).startsWith("interrupted while applying, and a new plan shows changes");
      }
      assertThat(runs.state.resolve("net/terraform.tfstate")).doesNotExist();
    }
  }

  @Test
  void aUnitCaughtMidPlanIsPlannedAgainOnResume() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("units");
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        run.ledger().record(RunEvent.of(EventType.PLANNING, "net"));
      }
      try (StepwiseRun run = runs.resume("the controller restarted")) {
        assertThat(run.plan("net", runs.work(run, repo, "net")).changes()).isTrue();
        assertThat(run.apply("net", runs.work(run, repo, "net")).status()).isEqualTo(UnitStatus.APPLIED);
      }
      assertThat(runs.events().stream().filter(e -> e.type() == EventType.RUN_RESUMED)).hasSize(1);
    }
  }

  @Test
  void aUnitOutsideTheRunIsNamedWithTheRunsUnits() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("units");
      try (StepwiseRun run = runs.create(repo, "main", "feature")) {
        assertThatThrownBy(() -> run.dependencies("nope")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("nope is not a unit of this run (its units: net)");
      }
    }
  }

  /** net (1 approval needed) ← mid ← leaf, on branch feature. */
  private TestRepo gatedRepo() {
    TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"));
    repo.write(".tglive.yaml", """
        accounts:
          - name: gated
            path: ""
            voters: [alice, bob]
            approvalsRequired: 1
            rejectionsRequired: 1
        """);
    repo.commit("accounts");
    repo.branch("feature");
    repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
    repo.write("mid/terragrunt.hcl", RealLiveRepo.unit("value = dependency.net.outputs.value", "net"));
    repo.write("leaf/terragrunt.hcl", RealLiveRepo.unit("value = dependency.mid.outputs.value", "mid"));
    repo.commit("units");
    return repo;
  }

  private String output(String unit) throws Exception {
    JsonNode tfstate = new ObjectMapper().readTree(runs.state.resolve(unit).resolve("terraform.tfstate").toFile());
    return tfstate.path("outputs").path("value").path("value").asText();
  }
}
