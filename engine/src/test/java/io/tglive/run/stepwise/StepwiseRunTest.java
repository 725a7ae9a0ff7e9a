package io.tglive.run.stepwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.run.CommandResult;
import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.deploy.LocalWorkFiles;
import io.tglive.run.deploy.RealLiveRepo;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.stack.StackPlanner;
import io.tglive.stack.StackRequest;
import io.tglive.stack.StackResult;
import io.tglive.testing.RealTools;
import io.tglive.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  private Path state;
  private final ExecutorService callbacks = Executors.newCachedThreadPool();
  private final LocalRunner runner = new LocalRunner(Duration.ofSeconds(5), ProcessObserver.NONE);

  @BeforeEach
  void tools() throws Exception {
    RealTools.assumeInstalled();
    state = Files.createDirectories(tmp.resolve("state"));
  }

  @AfterEach
  void stop() {
    callbacks.shutdownNow();
  }

  @Test
  void aDependentIsCalledBackWhenItsDependencyIsAppliedAndItsPlanSeesTheNewOutput() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net-v1\""));
      repo.write("app/terragrunt.hcl", RealLiveRepo.unit("value = \"app-on-${dependency.net.outputs.value}\"", "net"));
      repo.commit("units");
      try (StepwiseRun run = create(repo, "main", "feature")) {
        LinkedBlockingQueue<DependencyState> told = new LinkedBlockingQueue<>();
        run.whenDecided("app", told::add);
        assertThat(run.dependencies("app").waitingFor()).containsExactly("net");
        assertThatThrownBy(() -> run.plan("app", work(run, repo, "app")))
            .isInstanceOf(IllegalStateException.class).hasMessage("app still waits for net");

        UnitOutcome netPlan = run.plan("net", work(run, repo, "net"));
        assertThat(netPlan.changes()).isTrue();
        assertThat(netPlan.gateRequired()).as("no account: no approvals").isFalse();
        assertThat(netPlan.plan().changes()).containsExactly("create terraform_data.this");
        assertThat(told.poll(200, TimeUnit.MILLISECONDS)).as("not called back while net is only planned").isNull();

        assertThat(run.apply("net", work(run, repo, "net")).status()).isEqualTo(UnitStatus.APPLIED);
        assertThat(told.poll(10, TimeUnit.SECONDS)).isEqualTo(new DependencyState(DependencyState.Kind.READY,
            List.of(), null));
        UnitOutcome appPlan = run.plan("app", work(run, repo, "app"));
        assertThat(appPlan.changes()).isTrue();
        assertThat(run.apply("app", work(run, repo, "app")).status()).isEqualTo(UnitStatus.APPLIED);
        assertThat(output("app")).isEqualTo("app-on-net-v1");

        assertThat(run.apply("net", work(run, repo, "net")).status()).as("never applied twice")
            .isEqualTo(UnitStatus.APPLIED);
        assertThat(run.end("the build ended")).isEqualTo(RunOutcome.SUCCEEDED);
      }
      List<RunEvent> events = events();
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
      try (StepwiseRun run = create(repo, "main", "v1")) {
        run.plan("net", work(run, repo, "net"));
        run.apply("net", work(run, repo, "net"));
      }
      repo.branch("v2");
      repo.write("net/README.md", "a change that changes no resource\n");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\"") + "# comment\n");
      repo.commit("v2");
      Files.delete(tmp.resolve("run/journal.jsonl"));
      try (StepwiseRun run = create(repo, "v1", "v2")) {
        UnitOutcome plan = run.plan("net", work(run, repo, "net"));
        assertThat(plan.status()).isEqualTo(UnitStatus.NO_CHANGES);
        assertThat(plan.changes()).isFalse();
        assertThat(run.apply("net", work(run, repo, "net")).status()).isEqualTo(UnitStatus.NO_CHANGES);
      }
      assertThat(events().stream().map(RunEvent::type)).doesNotContain(EventType.GATED, EventType.APPLY_STARTED);
    }
  }

  @Test
  void anApplyWithoutApprovalIsRefusedAndBlocksEveryTransitiveDependentByTheUnitThatFailed() throws Exception {
    try (TestRepo repo = gatedRepo()) {
      try (StepwiseRun run = create(repo, "main", "feature")) {
        LinkedBlockingQueue<DependencyState> mid = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<DependencyState> leaf = new LinkedBlockingQueue<>();
        run.whenDecided("mid", mid::add);
        run.whenDecided("leaf", leaf::add);
        UnitOutcome plan = run.plan("net", work(run, repo, "net"));
        assertThat(plan.gateRequired()).isTrue();
        UnitOutcome apply = run.apply("net", work(run, repo, "net"));
        assertThat(apply.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(apply.message()).isEqualTo("plan " + plan.plan().hash().substring(0, 12)
            + " was not approved (1 approval(s) required): not applied");
        assertThat(state.resolve("net/terraform.tfstate")).doesNotExist();

        DependencyState midState = mid.poll(10, TimeUnit.SECONDS);
        assertThat(midState.kind()).isEqualTo(DependencyState.Kind.BLOCKED);
        assertThat(midState.blockedBy()).isEqualTo("net");
        assertThat(leaf.poll(200, TimeUnit.MILLISECONDS)).as("leaf waits for mid, which is not blocked yet").isNull();
        UnitOutcome blocked = run.plan("mid", work(run, repo, "mid"));
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
      try (StepwiseRun run = create(repo, "main", "feature")) {
        UnitOutcome plan = run.plan("net", work(run, repo, "net"));
        run.ledger().record(RunEvent.of(EventType.AWAITING_APPROVAL, "net"));
        run.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "alice", "looks right"));
        assertThat(run.record("net").approvedHash()).isEqualTo(plan.plan().hash());
        assertThat(run.apply("net", work(run, repo, "net")).status()).isEqualTo(UnitStatus.APPLIED);
        assertThat(run.record("net").appliedHash()).isEqualTo(plan.plan().hash());

        run.plan("mid", work(run, repo, "mid"));
        run.ledger().record(RunEvent.of(EventType.GATED, "mid").withDecision(false, "bob", "not today"));
        UnitOutcome rejected = run.apply("mid", work(run, repo, "mid"));
        assertThat(rejected.status()).isEqualTo(UnitStatus.REJECTED);
        assertThat(rejected.message()).isEqualTo("rejected by bob: not today");
        assertThat(state.resolve("mid/terraform.tfstate")).doesNotExist();
        assertThat(run.plan("leaf", work(run, repo, "leaf")).message()).isEqualTo("blocked by mid");
        assertThat(run.end("the build ended")).isEqualTo(RunOutcome.REJECTED);
      }
    }
  }

  @Test
  void aPlanFileChangedAfterItsApprovalIsNotApplied() throws Exception {
    try (TestRepo repo = gatedRepo()) {
      try (StepwiseRun run = create(repo, "main", "feature")) {
        UnitWork work = work(run, repo, "net");
        run.plan("net", work);
        run.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "alice", ""));
        Files.write(work.planFile(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        UnitOutcome apply = run.apply("net", work);
        assertThat(apply.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(apply.message()).startsWith("the plan file changed after it was approved");
        assertThat(state.resolve("net/terraform.tfstate")).doesNotExist();
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
      try (StepwiseRun run = create(repo, "main", "feature")) {
        UnitWork work = work(run, repo, "net");
        hash = run.plan("net", work).plan().hash();
        // the controller records the apply's start, the apply runs to its end, and the controller dies
        // before it records the result
        run.ledger().record(RunEvent.of(EventType.AWAITING_APPROVAL, "net"));
        run.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "no gate", ""));
        run.ledger().record(RunEvent.of(EventType.APPLY_STARTED, "net").withPlan(run.record("net").plan(), null));
        Path checkout = work.checkouts().root(run.header().headCommit());
        CommandResult applied = runner.run(work.commands().apply("net", checkout.resolve("net"),
            run.header().headCommit(), work.planFile()), line -> {});
        assertThat(applied.exitCode()).isZero();
      }
      try (StepwiseRun run = StepwiseRun.resume(tmp.resolve("run"), callbacks, "the controller restarted")) {
        UnitOutcome outcome = run.apply("net", work(run, repo, "net"));
        assertThat(outcome.status()).isEqualTo(UnitStatus.APPLIED);
        assertThat(outcome.message()).contains("its apply had finished");
        assertThat(run.record("net").appliedHash()).isEqualTo(hash);
        assertThat(run.record("net").applies()).isEqualTo(1);
      }
      assertThat(events().stream().filter(e -> e.type() == EventType.APPLY_STARTED)).hasSize(1);
      assertThat(output("net")).isEqualTo("net");
    }
  }

  @Test
  void aUnitCaughtMidApplyWhoseApplyHadNotRunFailsOnResumeInsteadOfApplyingUnapproved() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("units");
      try (StepwiseRun run = create(repo, "main", "feature")) {
        run.plan("net", work(run, repo, "net"));
        run.ledger().record(RunEvent.of(EventType.GATED, "net").withDecision(true, "no gate", ""));
        run.ledger().record(RunEvent.of(EventType.APPLY_STARTED, "net").withPlan(run.record("net").plan(), null));
      }
      try (StepwiseRun run = StepwiseRun.resume(tmp.resolve("run"), callbacks, "the controller restarted")) {
        UnitOutcome outcome = run.apply("net", work(run, repo, "net"));
        assertThat(outcome.status()).isEqualTo(UnitStatus.FAILED);
        assertThat(outcome.message()).startsWith("interrupted while applying, and a new plan shows changes");
      }
      assertThat(state.resolve("net/terraform.tfstate")).doesNotExist();
    }
  }

  @Test
  void aUnitCaughtMidPlanIsPlannedAgainOnResume() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("units");
      try (StepwiseRun run = create(repo, "main", "feature")) {
        run.ledger().record(RunEvent.of(EventType.PLANNING, "net"));
      }
      try (StepwiseRun run = StepwiseRun.resume(tmp.resolve("run"), callbacks, "the controller restarted")) {
        assertThat(run.plan("net", work(run, repo, "net")).changes()).isTrue();
        assertThat(run.apply("net", work(run, repo, "net")).status()).isEqualTo(UnitStatus.APPLIED);
      }
      assertThat(events().stream().filter(e -> e.type() == EventType.RUN_RESUMED)).hasSize(1);
    }
  }

  @Test
  void aUnitOutsideTheRunIsNamedWithTheRunsUnits() throws Exception {
    try (TestRepo repo = RealLiveRepo.create(tmp.resolve("repo"))) {
      repo.branch("feature");
      repo.write("net/terragrunt.hcl", RealLiveRepo.unit("value = \"net\""));
      repo.commit("units");
      try (StepwiseRun run = create(repo, "main", "feature")) {
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

  private StepwiseRun create(TestRepo repo, String base, String head) throws Exception {
    StackResult stack = StackPlanner.plan(repo.root(), StackRequest.of(base, head));
    assertThat(stack.complete()).as("stack complete: %s", stack.unresolved()).isTrue();
    return StepwiseRun.create(tmp.resolve("run"), RunHeader.of("run", repo.root().toString(), base, head, stack),
        callbacks);
  }

  private UnitWork work(StepwiseRun run, TestRepo repo, String unit) throws Exception {
    Map<String, String> environment = new HashMap<>(RealTools.env());
    environment.put("TGLIVE_TEST_STATE", state.toString());
    CommandSettings settings = CommandSettings.DEFAULT.withTerragrunt(List.of(RealTools.terragrunt().toString()))
        .withTimeout(Duration.ofMinutes(5));
    GitWorktrees checkouts = new GitWorktrees(repo.root(), tmp.resolve("worktrees"));
    TerragruntCommands commands = new TerragruntCommands(settings,
        run.dialect(runner, settings, environment, repo.root()), environment);
    return new UnitWork(runner, new LocalWorkFiles(), checkouts, commands,
        tmp.resolve("plans").resolve(unit.replace("/", "__") + ".tfplan"));
  }

  private List<RunEvent> events() throws Exception {
    return RunJournal.read(tmp.resolve("run/journal.jsonl")).events();
  }

  private String output(String unit) throws Exception {
    JsonNode tfstate = new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile());
    return tfstate.path("outputs").path("value").path("value").asText();
  }
}
