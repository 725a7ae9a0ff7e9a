package io.tglive.run.stepwise;

import io.tglive.run.UnitRunner;
import io.tglive.run.deploy.RetryPolicy;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.deploy.UnitLayout;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.deploy.UnitPhases;
import io.tglive.run.schedule.BlockingSlots;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunState;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.run.terragrunt.TerragruntDialect;
import io.tglive.run.terragrunt.TerragruntVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A run whose units are planned and applied one call at a time, by a caller that schedules them
 * itself (a Jenkins Pipeline's {@code parallel} branches), with the rules of {@code tglive run}:
 * a unit is planned only once every unit it waits for was applied or had no changes, and is blocked
 * by one that failed or was rejected; a plan without changes needs no gate and no apply; an apply
 * needs an approving gate decision for the same plan hash (or a policy without approvals) and the
 * very plan file that was approved; an applied unit is never applied again. After a restart, a unit
 * caught mid-plan is planned again, and one caught mid-apply is planned again: no changes means its
 * apply had finished; changes fail it (they need a new approval).
 *
 * <p>Thread-safe: units are planned and applied concurrently; one unit's steps come one after the
 * other. A caller waiting for dependencies is called back ({@link #whenDecided}), never polled.
 */
public final class StepwiseRun implements AutoCloseable {

  /** The file in the run directory that holds why the run was released ({@link #release}). */
  public static final String RELEASED = "released";

  private final RunLedger ledger;
  private final Executor callbacks;
  private final Map<String, RunUnit> units = new LinkedHashMap<>();
  private final Map<String, List<Consumer<DependencyState>>> waiters = new LinkedHashMap<>();
  private final BlockingSlots slots = new BlockingSlots(Integer.MAX_VALUE, Map.of());
  private final UnitLogs logs;
  private RetryPolicy retry = RetryPolicy.DEFAULT;
  private TerragruntDialect dialect;
  private UnitLayout layout = UnitLayout.OWN_DIRECTORY;
  private boolean stopAtFirstFailure;
  /** Why the run was released (stopped gracefully), or null; kept in {@link #RELEASED} across restarts. */
  private volatile String released;
  private final Object releaseLock = new Object();

  private StepwiseRun(RunLedger ledger, Executor callbacks) throws IOException {
    this.ledger = ledger;
    this.callbacks = callbacks;
    this.logs = new UnitLogs(ledger.directory().resolve("logs"));
    ledger.read(state -> state.header()).units().forEach(unit -> units.put(unit.path(), unit));
    ledger.addListener((event, state) -> {
      if (event.unit() != null && state.units().containsKey(event.unit())
          && state.units().get(event.unit()).status().terminal()) {
        callBack(state);
      }
    });
    Path releasedFile = ledger.directory().resolve(RELEASED);
    if (Files.isRegularFile(releasedFile)) {
      released = Files.readString(releasedFile);
    }
  }

  /**
   * Starts a new run in {@code directory} (its {@code RUN_STARTED} header).
   *
   * @param callbacks runs the {@link #whenDecided} callbacks (never on the thread recording an event)
   */
  public static StepwiseRun create(Path directory, RunHeader header, Executor callbacks) throws IOException {
    return new StepwiseRun(RunLedger.create(directory, header), callbacks);
  }

  /** Continues the run in {@code directory} in a new process (after a restart): records {@code RUN_RESUMED}. */
  public static StepwiseRun resume(Path directory, Executor callbacks, String why) throws IOException {
    StepwiseRun run = new StepwiseRun(RunLedger.open(directory), callbacks);
    run.ledger.record(RunEvent.of(EventType.RUN_RESUMED, null).withMessage(why));
    return run;
  }

  /** Retries plans and shows by {@code policy} from now on. */
  public StepwiseRun withRetry(RetryPolicy policy) {
    this.retry = policy;
    return this;
  }

  /**
   * Runs each unit where {@code layout} says (a rollback's steps: their unit's directory, with
   * {@code -target} arguments) from now on.
   */
  public StepwiseRun withLayout(UnitLayout layout) {
    this.layout = layout;
    return this;
  }

  /**
   * From now on, once a unit failed or was rejected no other unit starts planning: it is recorded as
   * blocked by that unit (a rollback stops at its first failure, as {@code --fail-fast} does).
   */
  public StepwiseRun stoppingAtFirstFailure() {
    this.stopAtFirstFailure = true;
    return this;
  }

  /** The run's ledger: its journal and state, shared with the gate, which records its decisions there. */
  public RunLedger ledger() {
    return ledger;
  }

  /** What the run deploys. */
  public RunHeader header() {
    return ledger.read(RunState::header);
  }

  /** The journal's record of {@code unit}. */
  public UnitRecord record(String unit) {
    unit(unit);
    return ledger.read(state -> state.units().get(unit));
  }

  /** Whether {@code unit} may be planned now. */
  public DependencyState dependencies(String unit) {
    unit(unit);
    return ledger.read(state -> dependencies(state, unit));
  }

  /**
   * Calls {@code callback} once, through the callback executor, as soon as {@code unit} is ready or
   * blocked (at once if it already is). Returns what withdraws the callback if it has not run.
   */
  public Runnable whenDecided(String unit, Consumer<DependencyState> callback) {
    unit(unit);
    DependencyState now = ledger.read(state -> {
      DependencyState current = dependencies(state, unit);
      if (!current.decided()) {
        synchronized (waiters) {
          waiters.computeIfAbsent(unit, k -> new ArrayList<>()).add(callback);
        }
      }
      return current;
    });
    if (now.decided()) {
      callbacks.execute(() -> callback.accept(now));
      return () -> {};
    }
    return () -> {
      synchronized (waiters) {
        List<Consumer<DependencyState>> list = waiters.get(unit);
        if (list != null) {
          list.remove(callback);
        }
      }
    };
  }

  /** The dialect of the terragrunt {@code runner} runs, detected by the first call and kept for the run. */
  public synchronized TerragruntDialect dialect(UnitRunner runner, CommandSettings settings,
      Map<String, String> environment, Path directory) throws IOException, InterruptedException {
    if (dialect == null) {
      dialect = TerragruntVersion.detect(runner, settings, environment, directory);
    }
    return dialect;
  }

  /**
   * Plans {@code unit}: only when every unit it waits for succeeded (a unit it waits for that failed
   * or was rejected blocks it: recorded, and returned); a unit already finished is returned as it is;
   * a unit caught mid-apply is planned again (no changes: applied). The plan's summary and hash are
   * recorded; a plan without changes finishes the unit.
   *
   * @throws IllegalStateException if a unit it waits for has not finished
   */
  public UnitOutcome plan(String unit, UnitWork work) throws InterruptedException {
    RunUnit runUnit = unit(unit);
    UnitRecord record = record(unit);
    if (record.status().terminal()) {
      return outcome(unit);
    }
    boolean midApply = record.status() == UnitStatus.APPLYING;
    if (!midApply && refusedByRelease(unit)) {
      return outcome(unit);
    }
    if (!midApply) {
      String stoppedAt = stopAtFirstFailure ? ledger.read(StepwiseRun::firstFailure) : null;
      if (stoppedAt != null) {
        ledger.record(RunEvent.of(EventType.BLOCKED, unit).withMessage("blocked by " + stoppedAt
            + ": the run stops at its first failure"));
        return outcome(unit);
      }
      DependencyState dependencies = dependencies(unit);
      if (dependencies.kind() == DependencyState.Kind.BLOCKED) {
        ledger.record(RunEvent.of(EventType.BLOCKED, unit).withMessage("blocked by " + dependencies.blockedBy()));
        return outcome(unit);
      }
      if (dependencies.kind() == DependencyState.Kind.WAITING) {
        throw new IllegalStateException(unit + " still waits for " + String.join(", ", dependencies.waitingFor()));
      }
    }
    UnitPhases phases = phases(work);
    Path checkout = checkout(runUnit, work, phases);
    if (checkout != null) {
      phases.plan(runUnit, commit(runUnit), checkout.resolve(layout.directory(runUnit)), commands(runUnit, work),
          work.planFile(), midApply);
      if (!midApply) {
        refusedByRelease(unit);
      }
    }
    return outcome(unit);
  }

  /**
   * Applies the plan of {@code unit} recorded by {@link #plan}: only with an approving gate decision for
   * that plan's hash (a policy with {@code approvalsRequired: 0} is recorded as approved by
   * {@code no gate}), and only the plan file whose digest was recorded. A unit already finished is
   * returned as it is (never applied twice); one caught mid-apply is planned again: no changes means
   * applied, changes fail it. Refusals are recorded as the unit's failure, so its dependents stop
   * waiting.
   */
  public UnitOutcome apply(String unit, UnitWork work) throws InterruptedException {
    RunUnit runUnit = unit(unit);
    UnitRecord record = record(unit);
    if (record.status().terminal()) {
      return outcome(unit);
    }
    if (record.status() != UnitStatus.APPLYING && refusedByRelease(unit)) {
      return outcome(unit);
    }
    UnitPhases phases = phases(work);
    Path checkout = checkout(runUnit, work, phases);
    if (checkout == null) {
      return outcome(unit);
    }
    if (record.status() == UnitStatus.APPLYING) {
      UnitPhases.Planned planned = phases.plan(runUnit, commit(runUnit), checkout.resolve(layout.directory(runUnit)),
          commands(runUnit, work), work.planFile(), true);
      if (planned.changes()) {
        phases.failed(unit, "interrupted while applying, and a new plan shows changes (plan "
            + planned.summary().hash().substring(0, 12) + "): not applied without a new approval");
      }
      return outcome(unit);
    }
    if (record.plan() == null) {
      phases.failed(unit, "no plan with changes to apply (" + record.status().label() + "): plan it first");
      return outcome(unit);
    }
    if (runUnit.approvalsRequired() == 0) {
      if (!record.plan().hash().equals(record.approvedHash())) {
        ledger.record(RunEvent.of(EventType.AWAITING_APPROVAL, unit));
        ledger.record(RunEvent.of(EventType.GATED, unit).withDecision(true, "no gate", "approvalsRequired is 0"));
      }
    } else if (!record.plan().hash().equals(record.approvedHash())) {
      phases.failed(unit, "plan " + record.plan().hash().substring(0, 12) + " was not approved ("
          + runUnit.approvalsRequired() + " approval(s) required): not applied");
      return outcome(unit);
    }
    phases.apply(runUnit, commit(runUnit), checkout.resolve(layout.directory(runUnit)), commands(runUnit, work),
        work.planFile(), record.plan(), record.planDigest());
    return outcome(unit);
  }

  /**
   * Stops the run gracefully (a release change: a newer commit deploys instead): every unit whose
   * apply has not started (not planned yet, or planned and waiting for its gate or apply) is blocked
   * with {@code why}, and so is a unit whose plan is running, once it ends with changes; a unit whose
   * apply is running finishes and is journaled as usual. From now on (also after a restart) every
   * plan or apply of a unit not finished is refused with {@code why}. Releasing again keeps the first
   * reason.
   */
  public void release(String why) throws IOException {
    synchronized (releaseLock) {
      if (released != null) {
        return;
      }
      Path file = ledger.directory().resolve(RELEASED);
      Path temporary = ledger.directory().resolve(RELEASED + ".tmp");
      Files.writeString(temporary, why);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      released = why;
      for (UnitRecord record : ledger.read(state -> List.copyOf(state.units().values()))) {
        boolean planRunning = record.status() == UnitStatus.PLANNING && record.plan() == null;
        if (record.status() != UnitStatus.APPLYING && !planRunning) {
          refusedByRelease(record.path());
        }
      }
    }
  }

  /** Why the run was released, if it was. */
  public Optional<String> released() {
    return Optional.ofNullable(released);
  }

  /** Blocks {@code unit} with the release's reason when the run was released and the unit is not finished. */
  private boolean refusedByRelease(String unit) {
    synchronized (releaseLock) {
      if (released == null) {
        return false;
      }
      if (!record(unit).status().terminal()) {
        ledger.record(RunEvent.of(EventType.BLOCKED, unit).withMessage(released));
      }
      return true;
    }
  }

  /**
   * Ends the run: every unit not finished is cancelled with {@code why}, and the outcome
   * ({@code succeeded}, {@code failed} or {@code rejected}) is recorded and returned.
   */
  public RunOutcome end(String why) {
    for (UnitRecord record : ledger.read(state -> List.copyOf(state.units().values()))) {
      if (!record.status().terminal() && record.status() != UnitStatus.CANCELLED) {
        ledger.record(RunEvent.of(EventType.CANCELLED, record.path()).withMessage(why));
      }
    }
    RunOutcome outcome = RunOutcome.of(ledger.read(state -> List.copyOf(state.units().values())));
    ledger.record(RunEvent.of(EventType.RUN_ENDED, null).withOutcome(outcome.label()));
    return outcome;
  }

  /** Whether the run has ended. */
  public boolean ended() {
    return ledger.read(state -> state.outcome() != null);
  }

  @Override
  public void close() throws IOException {
    ledger.close();
  }

  private RunUnit unit(String path) {
    RunUnit unit = units.get(path);
    if (unit == null) {
      throw new IllegalArgumentException(path + " is not a unit of this run (its units: "
          + String.join(", ", units.keySet()) + ")");
    }
    return unit;
  }

  private String commit(RunUnit unit) {
    RunHeader header = header();
    return unit.destroy() ? header.baseCommit() : header.headCommit();
  }

  /** The unit's commands, with the plan arguments its layout adds. */
  private TerragruntCommands commands(RunUnit unit, UnitWork work) {
    List<String> extra = layout.planArgs(unit);
    TerragruntCommands commands = work.commands();
    return extra.isEmpty() ? commands : new TerragruntCommands(commands.settings().withExtraPlanArgs(extra),
        commands.dialect(), commands.environment());
  }

  /** A unit that failed or was rejected (the first by path), or null. */
  private static String firstFailure(RunState state) {
    for (UnitRecord record : state.units().values()) {
      if (record.status() == UnitStatus.FAILED || record.status() == UnitStatus.REJECTED) {
        return record.path();
      }
    }
    return null;
  }

  private UnitPhases phases(UnitWork work) {
    return new UnitPhases(ledger, work.runner(), work.files(), slots, retry, logs);
  }

  /** The checkout of the unit's commit, or null after recording why there is none. */
  private Path checkout(RunUnit unit, UnitWork work, UnitPhases phases) throws InterruptedException {
    String commit = commit(unit);
    try {
      return work.checkouts().root(commit);
    } catch (IOException e) {
      phases.failed(unit.path(), "cannot check out " + commit + ": " + e.getMessage());
      return null;
    }
  }

  private UnitOutcome outcome(String unit) {
    RunUnit runUnit = units.get(unit);
    UnitRecord record = record(unit);
    boolean planned = record.status() != UnitStatus.NO_CHANGES && record.status() != UnitStatus.BLOCKED
        && record.plan() != null;
    boolean gate = record.status() == UnitStatus.PLANNING && runUnit.approvalsRequired() > 0;
    return new UnitOutcome(unit, record.status(), planned ? record.plan() : null, gate, message(record));
  }

  private static String message(UnitRecord record) {
    if (record.status() == UnitStatus.REJECTED) {
      return "rejected by " + record.decidedBy() + (record.why() == null || record.why().isEmpty() ? ""
          : ": " + record.why());
    }
    return record.message();
  }

  private DependencyState dependencies(RunState state, String unit) {
    if (released != null) {
      // a released run plans nothing more: its waiting steps are told at once, and refused
      return DependencyState.blocked(unit);
    }
    if (stopAtFirstFailure) {
      // nothing starts once a unit failed: a unit waiting for one that will now never be planned is released
      String failed = firstFailure(state);
      if (failed != null) {
        return DependencyState.blocked(failed);
      }
    }
    List<String> waiting = new ArrayList<>();
    for (String after : units.get(unit).after()) {
      UnitStatus status = state.units().get(after).status();
      if (status.terminal() && !status.succeeded()) {
        return DependencyState.blocked(rootCause(state, after));
      }
      if (!status.succeeded()) {
        waiting.add(after);
      }
    }
    return waiting.isEmpty() ? DependencyState.ready() : DependencyState.waiting(waiting);
  }

  /** The failed or rejected unit behind {@code unit}'s failure (itself, unless it was blocked). */
  private String rootCause(RunState state, String unit) {
    if (state.units().get(unit).status() == UnitStatus.BLOCKED) {
      for (String after : units.get(unit).after()) {
        UnitStatus status = state.units().get(after).status();
        if (status.terminal() && !status.succeeded()) {
          return rootCause(state, after);
        }
      }
    }
    return unit;
  }

  /** Hands every waiter whose unit is now ready or blocked to the callback executor (under the ledger's lock). */
  private void callBack(RunState state) {
    List<Runnable> due = new ArrayList<>();
    synchronized (waiters) {
      for (Iterator<Map.Entry<String, List<Consumer<DependencyState>>>> it = waiters.entrySet().iterator();
          it.hasNext(); ) {
        Map.Entry<String, List<Consumer<DependencyState>>> entry = it.next();
        DependencyState current = dependencies(state, entry.getKey());
        if (current.decided()) {
          entry.getValue().forEach(callback -> due.add(() -> callback.accept(current)));
          it.remove();
        }
      }
    }
    due.forEach(callbacks::execute);
  }
}
