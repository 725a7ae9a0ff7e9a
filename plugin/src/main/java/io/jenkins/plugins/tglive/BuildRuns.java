package io.jenkins.plugins.tglive;

import hudson.model.Run;
import io.tglive.rollback.RollbackException;
import io.tglive.rollback.RollbackPlan;
import io.tglive.rollback.RollbackRun;
import io.tglive.rollback.RunRecord;
import io.tglive.rollback.StepwiseRollback;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.stepwise.StepwiseRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deploy run of each build in progress, in the build's directory ({@code <build dir>/tglive},
 * the layout of a {@code tglive run} run directory), open once per controller process: created by
 * {@code terragruntStack}, continued after a restart by the first step that needs it, closed when the
 * build completes. Also the thread pool where units wait no thread and run terragrunt off the CPS thread.
 */
final class BuildRuns {

  /** The run directory's name in the build directory. */
  static final String DIRECTORY = "tglive";

  /** The prefix of a rollback step's plan file name, apart from the deploy's plans. */
  static final String ROLLBACK_PLANS = "rollback/";

  private static final Map<String, StepwiseRun> OPEN = new ConcurrentHashMap<>();

  /** Where dependency callbacks and terragrunt commands run: never the CPS VM thread. */
  static final ExecutorService WORK = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "tglive-unit-" + Counter.NEXT.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  private BuildRuns() {}

  /** The run directory of {@code run}. */
  static File directory(Run<?, ?> run) {
    return new File(run.getRootDir(), DIRECTORY);
  }

  /** Whether {@code run} has a deploy run. */
  static boolean exists(Run<?, ?> run) {
    return Files.isRegularFile(directory(run).toPath().resolve(RunLedger.JOURNAL));
  }

  /** Starts the deploy run of {@code run}. */
  static StepwiseRun create(Run<?, ?> run, RunHeader header) throws IOException {
    File directory = directory(run);
    StepwiseRun created = StepwiseRun.create(directory.toPath(), header, WORK);
    OPEN.put(directory.getAbsolutePath(), created);
    return created;
  }

  /**
   * The deploy run of {@code run}, opened (and recorded as resumed) if this controller process has
   * not opened it yet; null when the build has none.
   */
  static StepwiseRun of(Run<?, ?> run) throws IOException {
    return at(directory(run).toPath());
  }

  /**
   * The deploy run in the build run directory {@code directory}, opened (and recorded as resumed) if
   * this controller process has not opened it yet; null when there is none. Every writer of a build's
   * journal goes through this one handle, so events are numbered once and the run sees them all.
   */
  static StepwiseRun at(Path directory) throws IOException {
    if (!Files.isRegularFile(directory.resolve(RunLedger.JOURNAL))) {
      return null;
    }
    try {
      return OPEN.computeIfAbsent(directory.toAbsolutePath().toString(), key -> {
        try {
          return reopen(directory);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** A run directory opened again in this controller process: a rollback with its plan's layout, else a deploy. */
  private static StepwiseRun reopen(Path directory) throws IOException {
    String why = "the Jenkins controller restarted";
    if (directory.getFileName().toString().equals(RollbackRun.DIRECTORY)
        && Files.isRegularFile(directory.resolve(RollbackRun.PLAN))) {
      Path runDirectory = directory.getParent();
      try {
        return StepwiseRollback.resume(runDirectory, RunRecord.read(runDirectory).header(), WORK, why);
      } catch (RollbackException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return StepwiseRun.resume(directory, WORK, why);
  }

  /** The rollback of {@code run}'s deploy run ({@code tgRollback}), opened as {@link #of} opens the run; null when none. */
  static StepwiseRun rollbackOf(Run<?, ?> run) throws IOException {
    return at(RollbackRun.directory(directory(run).toPath()));
  }

  /**
   * Records the rollback of {@code run} and opens it; a rollback already recorded (a step restarted
   * after recording it) is opened as it is.
   */
  static synchronized StepwiseRun startRollback(Run<?, ?> run, RunHeader header, RollbackPlan plan)
      throws IOException, RollbackException {
    Path runDirectory = directory(run).toPath();
    String key = RollbackRun.directory(runDirectory).toAbsolutePath().toString();
    StepwiseRun open = OPEN.get(key);
    if (open != null) {
      return open;
    }
    StepwiseRun started = RollbackRun.exists(runDirectory)
        ? StepwiseRollback.resume(runDirectory, header, WORK, "tgRollback started again")
        : StepwiseRollback.start(runDirectory, header, plan, WORK);
    OPEN.put(key, started);
    return started;
  }

  /**
   * Ends the deploy run of a completed build (units not finished are cancelled) and closes it, and
   * its rollback likewise when it has one.
   */
  static void end(Run<?, ?> run, String why) throws IOException {
    StepwiseRun rollback = rollbackOf(run);
    if (rollback != null) {
      try {
        if (!rollback.ended()) {
          rollback.end(why);
        }
      } finally {
        OPEN.remove(RollbackRun.directory(directory(run).toPath()).toAbsolutePath().toString());
        rollback.close();
      }
    }
    StepwiseRun open = of(run);
    if (open == null) {
      return;
    }
    try {
      if (!open.ended()) {
        open.end(why);
      }
    } finally {
      OPEN.remove(directory(run).getAbsolutePath());
      open.close();
    }
  }

  /** Closes this process's handle on the run (and its rollback) without ending it, as a controller going down leaves it. */
  static void close(Run<?, ?> run) throws IOException {
    StepwiseRun rollback = OPEN.remove(RollbackRun.directory(directory(run).toPath()).toAbsolutePath().toString());
    if (rollback != null) {
      rollback.close();
    }
    StepwiseRun open = OPEN.remove(directory(run).getAbsolutePath());
    if (open != null) {
      open.close();
    }
  }

  /** Closes every handle this process holds, without ending any run (see {@link ControllerShutdown}). */
  static void closeAll() throws IOException {
    IOException failure = null;
    for (String directory : List.copyOf(OPEN.keySet())) {
      StepwiseRun open = OPEN.remove(directory);
      try {
        if (open != null) {
          open.close();
        }
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static final class Counter {
    static final AtomicInteger NEXT = new AtomicInteger();
  }
}
