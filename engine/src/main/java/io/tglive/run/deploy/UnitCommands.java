package io.tglive.run.deploy;

import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.schedule.BlockingSlots;
import io.tglive.run.schedule.Slots;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the terragrunt commands of units: each takes a slot, its command line, output, exit code
 * and duration go to the unit's log, and plans and shows are run again after a transient failure
 * as the retry policy allows. Shared by deployments and previews.
 */
public final class UnitCommands {

  private final UnitRunner runner;
  private final BlockingSlots slots;
  private final RetryPolicy retry;
  private final UnitLogs logs;

  public UnitCommands(UnitRunner runner, BlockingSlots slots, RetryPolicy retry, UnitLogs logs) {
    this.runner = runner;
    this.slots = slots;
    this.retry = retry;
    this.logs = logs;
  }

  /** The unit logs commands are written to. */
  public UnitLogs logs() {
    return logs;
  }

  /** The retry policy plans and shows follow unless a unit's account names its own patterns. */
  public RetryPolicy retry() {
    return retry;
  }

  /** Runs a plan or show, again after a transient failure, as the retry policy allows. */
  public CommandResult withRetries(CommandSpec command, Slots.Request slot)
      throws RunnerException, InterruptedException, IOException {
    return withRetries(command, slot, retry);
  }

  /** Runs a plan or show, again after a transient failure, as {@code retry} allows. */
  public CommandResult withRetries(CommandSpec command, Slots.Request slot, RetryPolicy retry)
      throws RunnerException, InterruptedException, IOException {
    for (int attempt = 1; ; attempt++) {
      List<String> lines = new ArrayList<>();
      boolean transientFailure;
      CommandResult result = null;
      RunnerException failure = null;
      try {
        result = run(command, slot, lines);
        transientFailure = result.exitCode() != 0 && result.exitCode() != 2
            && lines.stream().anyMatch(retry::transientLine);
      } catch (RunnerException e) {
        failure = e;
        transientFailure = e.isTransient();
      }
      if (!transientFailure || attempt >= retry.maxAttempts()) {
        if (failure != null) {
          throw failure;
        }
        return result;
      }
      long wait = retry.backoff(attempt).toMillis();
      logs.open(command.unit(), "transient failure, attempt " + attempt + " of " + retry.maxAttempts()
          + "; trying again in " + wait + " ms").close();
      Thread.sleep(wait);
    }
  }

  /** Runs a command once, never again (an apply). */
  public CommandResult once(CommandSpec command, Slots.Request slot)
      throws RunnerException, InterruptedException, IOException {
    return run(command, slot, null);
  }

  private CommandResult run(CommandSpec command, Slots.Request slot, List<String> lines)
      throws RunnerException, InterruptedException, IOException {
    slots.acquire(slot);
    try (UnitLogs.Writer log = logs.open(command.unit(), "$ " + String.join(" ", command.argv()))) {
      CommandResult result = runner.run(command, line -> {
        log.line(line);
        if (lines != null && lines.size() < 10_000) {
          synchronized (lines) {
            lines.add(line);
          }
        }
      });
      log.line("== exit " + result.exitCode() + " after " + result.elapsed().toMillis() + " ms");
      return result;
    } finally {
      slots.release(slot);
    }
  }
}
