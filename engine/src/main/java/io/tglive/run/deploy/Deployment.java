package io.tglive.run.deploy;

import io.tglive.run.UnitRunner;
import io.tglive.run.gate.Gate;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.schedule.BlockingSlots;
import io.tglive.run.schedule.DependencyTracker;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.run.terragrunt.TerragruntDialect;
import io.tglive.run.terragrunt.TerragruntVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Deploys the units of a run, or continues an interrupted one. A unit starts the moment the units
 * it waits for have succeeded; commands take slots (global and per account, longest critical path
 * first), gates do not. A failed or rejected unit blocks its transitive dependents; the others carry
 * on, unless {@code failFast}, which starts nothing more. On resume, processes the killed run left
 * running are stopped first; applied units are never applied again; units caught mid-apply are
 * planned again.
 */
public final class Deployment {

  private final RunLedger ledger;
  private final Function<ProcessObserver, UnitRunner> runners;
  private final Gate gate;
  private final Checkouts checkouts;
  private final DeployOptions options;
  private final UnitLayout layout;

  /**
   * @param ledger the run's record (new, or opened to resume)
   * @param runners makes the runner, given the observer that journals its processes
   * @param gate decides on plans with changes
   * @param checkouts where the base and head commits are checked out
   */
  public Deployment(RunLedger ledger, Function<ProcessObserver, UnitRunner> runners, Gate gate, Checkouts checkouts,
      DeployOptions options) {
    this(ledger, runners, gate, checkouts, options, UnitLayout.OWN_DIRECTORY);
  }

  /** A deployment whose units run where {@code layout} says (a rollback's steps). */
  public Deployment(RunLedger ledger, Function<ProcessObserver, UnitRunner> runners, Gate gate, Checkouts checkouts,
      DeployOptions options, UnitLayout layout) {
    this.ledger = ledger;
    this.runners = runners;
    this.gate = gate;
    this.checkouts = checkouts;
    this.options = options;
    this.layout = layout;
  }

  /** Runs (or continues) the deployment to its end and records the outcome. */
  public RunOutcome run() throws InterruptedException, IOException {
    RunHeader header = ledger.read(state -> state.header());
    Map<String, UnitRecord> before = ledger.read(state -> new LinkedHashMap<>(state.units()));
    if (ledger.read(state -> state.lastSeq()) > 1) {
      int stopped = LeftoverProcesses.stop(ledger, options.grace())
          + LeftoverProcesses.stopMarked(ledger.directory(), options.grace());
      ledger.record(RunEvent.of(EventType.RUN_RESUMED, null)
          .withMessage(stopped + " leftover process(es) stopped"));
    }
    UnitRunner runner = runners.apply(new JournalObserver());
    // detected once, with the first unit's terragrunt (its account may name a wrapper or another executable)
    String firstAccount = header.units().isEmpty() ? null : header.units().get(0).account();
    TerragruntDialect dialect = TerragruntVersion.detect(runner, options.commands().apply(firstAccount),
        options.environment(), checkouts.root(header.headCommit()));
    UnitPhases phases = new UnitPhases(ledger, runner, new LocalWorkFiles(),
        new BlockingSlots(options.parallelism(), options.perAccount()), options.retry(),
        new UnitLogs(ledger.directory().resolve("logs")));
    UnitDeploy deploy = new UnitDeploy(ledger, phases, gate, ledger.directory().resolve("plans"));

    Map<String, RunUnit> units = new LinkedHashMap<>();
    Map<String, Set<String>> after = new HashMap<>();
    for (RunUnit unit : header.units()) {
      units.put(unit.path(), unit);
      after.put(unit.path(), new LinkedHashSet<>(unit.after()));
    }
    DependencyTracker tracker = new DependencyTracker(after);
    for (UnitRecord record : before.values()) {
      if (record.status().succeeded()) {
        tracker.succeeded(record.path());
      }
    }
    for (UnitRecord record : before.values()) {
      if (record.status() == UnitStatus.FAILED || record.status() == UnitStatus.REJECTED) {
        block(tracker, record.path(), before);
      }
    }

    LinkedBlockingQueue<Map.Entry<String, UnitStatus>> done = new LinkedBlockingQueue<>();
    ExecutorService pool = Executors.newCachedThreadPool(daemonThreads());
    int running = 0;
    boolean stopping = false;
    try {
      while (true) {
        for (String path : tracker.takeReady()) {
          UnitRecord record = before.get(path);
          if (record.status().terminal()) {
            continue;
          }
          if (stopping) {
            ledger.record(RunEvent.of(EventType.CANCELLED, path).withMessage("--fail-fast: a unit failed"));
            continue;
          }
          RunUnit unit = units.get(path);
          boolean midApply = UnitDeploy.midApply(record);
          String commit = unit.destroy() ? header.baseCommit() : header.headCommit();
          Path directory = checkouts.root(commit).resolve(layout.directory(unit));
          TerragruntCommands commands = new TerragruntCommands(settings(unit), dialect, options.environment());
          pool.submit(() -> {
            UnitStatus status = UnitStatus.FAILED;
            try {
              status = deploy.deploy(unit, commit, directory, commands, midApply);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return;
            } catch (RuntimeException e) {
              ledger.record(RunEvent.of(EventType.FAILED, path).withMessage("internal error: " + e));
            }
            done.add(Map.entry(path, status));
          });
          running++;
        }
        if (running == 0) {
          break;
        }
        Map.Entry<String, UnitStatus> finished = done.take();
        running--;
        if (finished.getValue().succeeded()) {
          tracker.succeeded(finished.getKey());
        } else {
          block(tracker, finished.getKey(), before);
          stopping |= options.failFast();
        }
      }
    } finally {
      pool.shutdownNow();
      // interrupted runners stop their process trees before they return
      pool.awaitTermination(options.grace().plusSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    for (UnitRecord record : ledger.read(state -> List.copyOf(state.units().values()))) {
      if (!record.status().terminal() && record.status() != UnitStatus.CANCELLED) {
        ledger.record(RunEvent.of(EventType.CANCELLED, record.path())
            .withMessage(stopping ? "--fail-fast: a unit failed" : "never became ready"));
      }
    }
    RunOutcome outcome = RunOutcome.of(ledger.read(state -> List.copyOf(state.units().values())));
    ledger.record(RunEvent.of(EventType.RUN_ENDED, null).withOutcome(outcome.label()));
    return outcome;
  }

  private void block(DependencyTracker tracker, String failed, Map<String, UnitRecord> before) {
    for (String blocked : tracker.failed(failed)) {
      if (before.get(blocked).status() != UnitStatus.BLOCKED) {
        ledger.record(RunEvent.of(EventType.BLOCKED, blocked).withMessage("blocked by " + failed));
      }
    }
  }

  private CommandSettings settings(RunUnit unit) {
    CommandSettings settings = options.commands().apply(unit.account());
    List<String> extra = layout.planArgs(unit);
    if (extra.isEmpty()) {
      return settings;
    }
    return settings.withExtraPlanArgs(extra);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "unit-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Journals every process a command starts, so that a resumed run can stop one left behind. */
  private final class JournalObserver implements ProcessObserver {

    @Override
    public Map<String, String> marker() {
      return LeftoverProcesses.marker(ledger.directory());
    }

    @Override
    public void started(io.tglive.run.CommandSpec command, ProcessHandle process) {
      if (isUnit(command)) {
        ledger.record(RunEvent.of(EventType.PROCESS_STARTED, command.unit()).withProcess(process.pid(),
            process.info().startInstant().map(Object::toString).orElse(null), command.kind().name()));
      }
    }

    @Override
    public void ended(io.tglive.run.CommandSpec command, ProcessHandle process) {
      if (isUnit(command)) {
        ledger.record(RunEvent.of(EventType.PROCESS_ENDED, command.unit()).withProcess(process.pid(),
            process.info().startInstant().map(Object::toString).orElse(null), command.kind().name()));
      }
    }

    private boolean isUnit(io.tglive.run.CommandSpec command) {
      return command.kind() != io.tglive.run.CommandKind.VERSION;
    }
  }
}
