package io.tglive.run.deploy;

import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.gate.Gate;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.schedule.BlockingSlots;
import io.tglive.run.schedule.Slots;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.PlanFormatException;
import io.tglive.run.terragrunt.PlanReader;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.run.terragrunt.TerragruntCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys one unit: plan (retrying transient failures), show, gate, then apply exactly the approved
 * plan file, recording each step in the ledger before the next one starts. A unit the previous
 * process left mid-apply is planned again: no changes means its apply had finished; otherwise the
 * new plan goes through the gate again.
 */
final class UnitDeploy {

  private final RunLedger ledger;
  private final UnitRunner runner;
  private final Gate gate;
  private final BlockingSlots slots;
  private final RetryPolicy retry;
  private final UnitLogs logs;
  private final Path plans;

  UnitDeploy(RunLedger ledger, UnitRunner runner, Gate gate, BlockingSlots slots, RetryPolicy retry, UnitLogs logs,
      Path plans) {
    this.ledger = ledger;
    this.runner = runner;
    this.gate = gate;
    this.slots = slots;
    this.retry = retry;
    this.logs = logs;
    this.plans = plans;
  }

  /** Deploys {@code unit} in {@code checkout}; returns its final status, already recorded. */
  UnitStatus deploy(RunUnit unit, String commit, Path checkout, TerragruntCommands commands, boolean midApply)
      throws InterruptedException {
    String path = unit.path();
    ledger.record(RunEvent.of(EventType.PLANNING, path).withCommit(commit));
    Path directory = checkout.resolve(path);
    if (!Files.isDirectory(directory)) {
      return fail(path, "the unit's directory " + path + " does not exist in commit " + commit);
    }
    Path planFile = plans.resolve(UnitLogs.fileName(path) + ".tfplan");
    try {
      Files.createDirectories(plans);
      Files.deleteIfExists(planFile);
      Slots.Request slot = new Slots.Request(path, unit.account(), unit.criticalPath());
      CommandResult plan = withRetries(commands.plan(path, directory, commit, planFile, unit.destroy()), slot);
      if (plan.exitCode() == 0) {
        if (midApply) {
          PlanSummary approved = ledger.read(state -> state.units().get(path).applying());
          ledger.record(RunEvent.of(EventType.APPLIED, path).withPlan(approved, null).withCommit(commit)
              .withMessage("its apply had finished before the run was interrupted: a new plan shows no changes"));
          return UnitStatus.APPLIED;
        }
        ledger.record(RunEvent.of(EventType.NO_CHANGES, path).withCommit(commit));
        return UnitStatus.NO_CHANGES;
      }
      if (plan.exitCode() != 2) {
        return fail(path, "plan failed (exit " + plan.exitCode() + "); see " + logs.file(path));
      }
      CommandResult show = withRetries(commands.show(path, directory, commit, planFile), slot);
      if (show.exitCode() != 0) {
        return fail(path, "show -json failed (exit " + show.exitCode() + "); see " + logs.file(path));
      }
      PlanSummary summary = PlanReader.read(show.stdout());
      String digest = digest(planFile);
      ledger.record(RunEvent.of(EventType.PLANNED, path).withPlan(summary, digest).withCommit(commit));
      ledger.record(RunEvent.of(EventType.AWAITING_APPROVAL, path));
      GateDecision decision = gate.decide(path, unit.policy(), summary);
      ledger.record(RunEvent.of(EventType.GATED, path).withDecision(decision.approved(), decision.who(),
          decision.why()));
      if (!decision.approved()) {
        return UnitStatus.REJECTED;
      }
      String refusal = verify(planFile, digest, summary, commands, path, directory, commit, slot);
      if (refusal != null) {
        return fail(path, refusal);
      }
      ledger.record(RunEvent.of(EventType.APPLY_STARTED, path).withPlan(summary, digest).withCommit(commit));
      CommandResult apply = once(commands.apply(path, directory, commit, planFile), slot);
      if (apply.exitCode() != 0) {
        return fail(path, "apply failed (exit " + apply.exitCode() + "); see " + logs.file(path));
      }
      ledger.record(RunEvent.of(EventType.APPLIED, path).withPlan(summary, digest).withCommit(commit));
      return UnitStatus.APPLIED;
    } catch (RunnerException e) {
      return fail(path, e.getMessage());
    } catch (PlanFormatException e) {
      return fail(path, e.getMessage());
    } catch (IOException e) {
      return fail(path, "I/O error: " + e.getMessage());
    }
  }

  /**
   * Why the plan file may not be applied, or null: it must be the file whose summary was approved
   * (same bytes; when the runner keeps it elsewhere, the same {@code resource_changes} hash).
   */
  private String verify(Path planFile, String digest, PlanSummary approved, TerragruntCommands commands, String path,
      Path directory, String commit, Slots.Request slot)
      throws IOException, RunnerException, InterruptedException, PlanFormatException {
    if (digest != null) {
      String now = digest(planFile);
      return digest.equals(now) ? null
          : "the plan file changed after it was approved (digest " + now + ", approved " + digest + "): not applied";
    }
    CommandResult show = withRetries(commands.show(path, directory, commit, planFile), slot);
    String hash = show.exitCode() == 0 ? PlanReader.read(show.stdout()).hash() : "(unreadable)";
    return approved.hash().equals(hash) ? null
        : "the plan to apply has hash " + hash + ", not the approved " + approved.hash() + ": not applied";
  }

  private static String digest(Path planFile) throws IOException {
    return Files.isRegularFile(planFile) ? PlanReader.sha256(Files.readAllBytes(planFile)) : null;
  }

  private UnitStatus fail(String path, String message) {
    ledger.record(RunEvent.of(EventType.FAILED, path).withMessage(message));
    return UnitStatus.FAILED;
  }

  /** Runs a plan or show, again after a transient failure, as the retry policy allows. */
  private CommandResult withRetries(CommandSpec command, Slots.Request slot)
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

  private CommandResult once(CommandSpec command, Slots.Request slot)
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

  /** Whether the journal left {@code record} in the middle of its apply. */
  static boolean midApply(UnitRecord record) {
    return record.applying() != null;
  }
}
