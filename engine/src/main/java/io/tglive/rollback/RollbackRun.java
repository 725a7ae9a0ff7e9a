package io.tglive.rollback;

import io.tglive.run.UnitRunner;
import io.tglive.run.deploy.Checkouts;
import io.tglive.run.deploy.DeployOptions;
import io.tglive.run.deploy.Deployment;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.deploy.UnitLayout;
import io.tglive.run.gate.Gate;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A rollback being executed: its plan ({@code rollback.json}) and its own run record, both in
 * {@code <run dir>/rollback/}, laid out as any run directory (journal, snapshot, logs, plans,
 * report). Its steps are the units of that record: each is planned, gated and applied by the same
 * {@link Deployment} as a deploy's units, in the head tree for destroys and the base tree for the
 * rest, and it resumes after a crash or {@code kill -9} as a run does. It stops at the first failure
 * or rejection (nothing more starts) and never starts again once it has ended.
 */
public final class RollbackRun implements AutoCloseable {

  /** The rollback's folder in a run directory. */
  public static final String DIRECTORY = "rollback";
  /** The plan's file name in that folder. */
  public static final String PLAN = "rollback.json";

  private final RollbackPlan plan;
  private final RunLedger ledger;

  private RollbackRun(RollbackPlan plan, RunLedger ledger) {
    this.plan = plan;
    this.ledger = ledger;
  }

  /** The rollback folder of a run directory. */
  public static Path directory(Path runDirectory) {
    return runDirectory.resolve(DIRECTORY);
  }

  /** Whether the run already has a rollback (started, ended or interrupted). */
  public static boolean exists(Path runDirectory) {
    return Files.isRegularFile(directory(runDirectory).resolve(PLAN));
  }

  /**
   * Records the plan, then the rollback's run header: the change's head is its "base" (destroys
   * run there) and the change's base its "head" (re-applies run there).
   */
  public static RollbackRun start(Path runDirectory, RunHeader run, RollbackPlan plan)
      throws IOException, RollbackException {
    Path folder = record(runDirectory, run, plan);
    return new RollbackRun(plan, RunLedger.create(folder, header(run, plan)));
  }

  /** Writes the plan of the run's one rollback in its folder (refused when it has one), and returns the folder. */
  static Path record(Path runDirectory, RunHeader run, RollbackPlan plan) throws IOException, RollbackException {
    if (exists(runDirectory)) {
      throw new RollbackException("run " + run.id() + " already has a rollback in " + directory(runDirectory)
          + ": continue it with --resume (a rollback runs once)");
    }
    Path folder = Files.createDirectories(directory(runDirectory));
    PlanJson.write(folder.resolve(PLAN), plan);
    return folder;
  }

  /** Opens an interrupted rollback to continue it; one that has ended is refused (it never loops). */
  public static RollbackRun resume(Path runDirectory, RunHeader run) throws IOException, RollbackException {
    Path folder = directory(runDirectory);
    if (!exists(runDirectory)) {
      throw new RollbackException("run " + run.id() + " has no rollback to resume in " + folder);
    }
    RollbackPlan plan = read(runDirectory);
    if (!Files.isRegularFile(folder.resolve(RunLedger.JOURNAL))) {
      // interrupted between the plan and the header: nothing ran yet
      return new RollbackRun(plan, RunLedger.create(folder, header(run, plan)));
    }
    RunLedger ledger = RunLedger.open(folder);
    String outcome = ledger.read(state -> state.outcome());
    if (outcome != null) {
      ledger.close();
      throw new RollbackException("the rollback of run " + run.id() + " has already ended (" + outcome
          + "); a rollback runs once: fix what is left by hand, see " + folder);
    }
    return new RollbackRun(plan, ledger);
  }

  /** The plan a run's rollback recorded. */
  public static RollbackPlan read(Path runDirectory) throws IOException {
    return PlanJson.read(directory(runDirectory).resolve(PLAN));
  }

  /** The rollback's run header. */
  static RunHeader header(RunHeader run, RollbackPlan plan) {
    Map<String, Integer> waiting = criticalPaths(plan);
    List<RunUnit> units = new ArrayList<>();
    for (RollbackStep step : plan.steps()) {
      units.add(new RunUnit(step.id(), step.action().destroy(), step.account(), step.after(), waiting.get(step.id()),
          step.policy().voters(), step.policy().approvalsRequired(), step.policy().rejectionsRequired(),
          step.policy().rules()));
    }
    // the run's runners too: a rollback step runs where its account's units ran
    return new RunHeader(run.id() + "-rollback", run.repo(), run.head(), run.headCommit(), run.base(),
        run.baseCommit(), units, run.runners());
  }

  /** For every step, how many steps wait for it on its longest chain (steps are in order). */
  private static Map<String, Integer> criticalPaths(RollbackPlan plan) {
    Map<String, Integer> longest = new HashMap<>();
    List<RollbackStep> steps = plan.steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      longest.putIfAbsent(steps.get(i).id(), 0);
      for (String before : steps.get(i).after()) {
        longest.merge(before, longest.get(steps.get(i).id()) + 1, Math::max);
      }
    }
    return longest;
  }

  /** Where each step runs: its unit's directory, with {@code -target} for a targeted destroy. */
  static UnitLayout layout(RollbackPlan plan) {
    Map<String, RollbackStep> steps = new HashMap<>();
    plan.steps().forEach(step -> steps.put(step.id(), step));
    return new UnitLayout() {
      @Override
      public String directory(RunUnit unit) {
        return steps.get(unit.path()).unit();
      }

      @Override
      public List<String> planArgs(RunUnit unit) {
        return steps.get(unit.path()).targets().stream().map(address -> "-target=" + address).toList();
      }
    };
  }

  /** The plan being executed. */
  public RollbackPlan plan() {
    return plan;
  }

  /** The rollback's run record (for progress listeners and reports). */
  public RunLedger ledger() {
    return ledger;
  }

  /**
   * Executes (or continues) the rollback to its end: every step through plan, gate and apply, in
   * order, stopping at the first failure or rejection.
   */
  public RollbackResult execute(Function<ProcessObserver, UnitRunner> runners, Gate gate, Checkouts checkouts,
      DeployOptions options) throws IOException, InterruptedException {
    RunOutcome outcome = new Deployment(ledger, runners, gate, checkouts, options.withFailFast(true), layout(plan))
        .run();
    return result(outcome);
  }

  /** What the record says was rolled back and what is left. */
  public RollbackResult result(RunOutcome outcome) {
    return result(plan, ledger.read(state -> new HashMap<>(state.units())), outcome);
  }

  /** What {@code records} say was rolled back of {@code plan} and what is left. */
  static RollbackResult result(RollbackPlan plan, Map<String, UnitRecord> records, RunOutcome outcome) {
    List<RollbackStep> done = new ArrayList<>();
    List<RollbackResult.Left> left = new ArrayList<>();
    for (RollbackStep step : plan.steps()) {
      UnitRecord record = records.get(step.id());
      UnitStatus status = record == null ? UnitStatus.PENDING : record.status();
      if (status.succeeded()) {
        done.add(step);
      } else {
        left.add(new RollbackResult.Left(step, status, record == null ? null : record.message()));
      }
    }
    return new RollbackResult(outcome, done, left);
  }

  @Override
  public void close() throws IOException {
    ledger.close();
  }
}
