package io.tglive.rollback;

import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.stepwise.StepwiseRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * A rollback driven one step at a time by a caller that schedules the steps itself (a Jenkins
 * Pipeline's {@code parallel} branches, with {@code rollback: true} on the unit steps): the same plan
 * ({@code rollback.json}) and record ({@code <run dir>/rollback/}) as {@link RollbackRun}, driven by a
 * {@link StepwiseRun} whose units are the steps: each runs in its unit's directory of the right tree
 * with its {@code -target} arguments, waits for the steps that must roll back before it, is gated by
 * the rollback policy recorded with the step, and nothing starts once a step failed or was rejected.
 */
public final class StepwiseRollback {

  private StepwiseRollback() {}

  /**
   * The rollback plan of a run driven step by step: the one recorded when the run has a rollback
   * (asking for another mode or other units is refused: a rollback runs once), else computed from
   * the run's record and both trees for {@code mode}. The deploy run is ended first (units not
   * finished are cancelled with {@code why}): a run is rolled back once it has stopped.
   *
   * @param files the repository's commits
   * @param states reads a unit's state in the head tree (the new providers' resources)
   */
  public static RollbackPlan prepare(StepwiseRun deploy, Path runDirectory, RollbackMode mode,
      Collection<String> selected, CommitFiles files, StateReader states, String why)
      throws IOException, InterruptedException, RollbackException {
    if (RollbackRun.exists(runDirectory)) {
      RollbackPlan recorded = RollbackRun.read(runDirectory);
      if (recorded.mode() != mode || !recorded.selected().equals(List.copyOf(new TreeSet<>(selected)))) {
        throw new RollbackException("this run's rollback was already planned (mode " + recorded.mode().label()
            + (recorded.selected().isEmpty() ? "" : ": " + String.join(", ", recorded.selected()))
            + "): a rollback runs once");
      }
      return recorded;
    }
    if (!deploy.ended()) {
      deploy.end(why);
    }
    RunHeader header = deploy.header();
    Map<String, UnitRecord> records = deploy.ledger().read(state -> new HashMap<>(state.units()));
    UnitFacts facts = new TreeFacts(files, header.baseCommit(), header.headCommit(), records, states);
    return RollbackPlanner.plan(header, records, mode, selected, facts, RunUnitPolicies::of,
        RollbackPlan.DEFAULT_MAX_ATTEMPTS);
  }

  /** Records the rollback's plan and header and opens it; a run has one rollback (refused otherwise). */
  public static StepwiseRun start(Path runDirectory, RunHeader run, RollbackPlan plan, Executor callbacks)
      throws IOException, RollbackException {
    Path folder = RollbackRun.record(runDirectory, run, plan);
    return configured(StepwiseRun.create(folder, RollbackRun.header(run, plan), callbacks), plan);
  }

  /**
   * Opens the run's rollback again in a new process (after a restart), recording {@code RUN_RESUMED};
   * a rollback whose process died between its plan and its header starts from the recorded plan.
   */
  public static StepwiseRun resume(Path runDirectory, RunHeader run, Executor callbacks, String why)
      throws IOException, RollbackException {
    if (!RollbackRun.exists(runDirectory)) {
      throw new RollbackException("run " + run.id() + " has no rollback in " + RollbackRun.directory(runDirectory));
    }
    RollbackPlan plan = RollbackRun.read(runDirectory);
    Path folder = RollbackRun.directory(runDirectory);
    StepwiseRun opened = Files.isRegularFile(folder.resolve(RunLedger.JOURNAL))
        ? StepwiseRun.resume(folder, callbacks, why)
        : StepwiseRun.create(folder, RollbackRun.header(run, plan), callbacks);
    return configured(opened, plan);
  }

  /**
   * Ends the rollback (steps not finished are recorded as cancelled with {@code why}; a rollback that
   * ended stays as it ended) and returns what was rolled back and exactly what is left.
   */
  public static RollbackResult finish(Path runDirectory, StepwiseRun rollback, String why) throws IOException {
    RollbackPlan plan = RollbackRun.read(runDirectory);
    if (!rollback.ended()) {
      rollback.end(why);
    }
    Map<String, UnitRecord> records = rollback.ledger().read(state -> new HashMap<>(state.units()));
    return RollbackRun.result(plan, records, RunOutcome.of(records.values()));
  }

  private static StepwiseRun configured(StepwiseRun run, RollbackPlan plan) {
    return run.withLayout(RollbackRun.layout(plan)).stoppingAtFirstFailure();
  }
}
