package io.tglive.run.deploy;

import io.tglive.run.CommandResult;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.schedule.BlockingSlots;
import io.tglive.run.schedule.Slots;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.PlanFormatException;
import io.tglive.run.terragrunt.PlanReader;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.run.terragrunt.TerragruntCommands;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The two journaled phases of a unit, shared by {@code tglive run} and the Jenkins steps: <b>plan</b>
 * (retrying transient failures, then {@code show -json}) and <b>apply</b> of exactly the approved
 * plan file. Each step is recorded in the ledger before the next one starts. The gate between them
 * belongs to the caller.
 */
public final class UnitPhases {

  private final RunLedger ledger;
  private final WorkFiles files;
  private final UnitCommands runs;
  private final UnitLogs logs;

  /**
   * @param files where the runner keeps checkouts and plan files
   * @param slots the commands' slots (global and per account)
   * @param logs the run's per-unit logs
   */
  public UnitPhases(RunLedger ledger, UnitRunner runner, WorkFiles files, BlockingSlots slots, RetryPolicy retry,
      UnitLogs logs) {
    this.ledger = ledger;
    this.files = files;
    this.runs = new UnitCommands(runner, slots, retry, logs);
    this.logs = logs;
  }

  /**
   * What a plan phase ended with, already recorded.
   *
   * @param status {@link UnitStatus#PLANNING} for a plan with changes (to gate, then apply),
   *     {@link UnitStatus#NO_CHANGES}, {@link UnitStatus#APPLIED} (a unit caught mid-apply whose new plan
   *     shows its apply had finished) or {@link UnitStatus#FAILED}
   * @param summary the plan with changes, else null
   * @param digest SHA-256 of its plan file, or null when the runner keeps the file out of reach
   */
  public record Planned(UnitStatus status, PlanSummary summary, String digest) {

    /** Whether the plan has changes to gate and apply. */
    public boolean changes() {
      return status == UnitStatus.PLANNING;
    }
  }

  /**
   * Plans {@code unit} in {@code directory} (its directory in a checkout of {@code commit}) into {@code planFile}. A unit
   * caught mid-apply ({@code midApply}) whose new plan has no changes had finished its apply: it is
   * recorded as applied with the plan that was being applied.
   */
  public Planned plan(RunUnit unit, String commit, Path directory, TerragruntCommands commands, Path planFile,
      boolean midApply) throws InterruptedException {
    String path = unit.path();
    ledger.record(RunEvent.of(EventType.PLANNING, path).withCommit(commit));
    try {
      if (!files.isDirectory(directory)) {
        return failed(path, "the unit's directory " + path + " does not exist in commit " + commit);
      }
      files.clear(planFile);
      Slots.Request slot = slot(unit);
      CommandResult plan = runs.withRetries(commands.plan(path, directory, commit, planFile, unit.destroy()), slot,
          retries(commands));
      if (plan.exitCode() == 0) {
        if (midApply) {
          PlanSummary approved = ledger.read(state -> state.units().get(path).applying());
          ledger.record(RunEvent.of(EventType.APPLIED, path).withPlan(approved, null).withCommit(commit)
              .withMessage("its apply had finished before the run was interrupted: a new plan shows no changes"));
          return new Planned(UnitStatus.APPLIED, null, null);
        }
        ledger.record(RunEvent.of(EventType.NO_CHANGES, path).withCommit(commit));
        return new Planned(UnitStatus.NO_CHANGES, null, null);
      }
      if (plan.exitCode() != 2) {
        return failed(path, "plan failed (exit " + plan.exitCode() + "); see " + logs.file(path));
      }
      CommandResult show = runs.withRetries(commands.show(path, directory, commit, planFile), slot, retries(commands));
      if (show.exitCode() != 0) {
        return failed(path, "show -json failed (exit " + show.exitCode() + "); see " + logs.file(path));
      }
      PlanSummary summary = PlanReader.read(show.stdout());
      String digest = files.digest(planFile);
      ledger.record(RunEvent.of(EventType.PLANNED, path).withPlan(summary, digest).withCommit(commit));
      return new Planned(UnitStatus.PLANNING, summary, digest);
    } catch (RunnerException | PlanFormatException e) {
      return failed(path, e.getMessage());
    } catch (IOException e) {
      return failed(path, "I/O error: " + e.getMessage());
    }
  }

  /**
   * Applies the approved plan file, after checking that it is the file whose summary was approved
   * (same bytes; when the runner keeps it out of reach, the same {@code resource_changes} hash). An
   * apply is never retried. Returns {@link UnitStatus#APPLIED} or {@link UnitStatus#FAILED}, recorded.
   *
   * @param approved the approved plan's summary
   * @param digest the approved plan file's SHA-256, or null
   */
  public UnitStatus apply(RunUnit unit, String commit, Path directory, TerragruntCommands commands, Path planFile,
      PlanSummary approved, String digest) throws InterruptedException {
    String path = unit.path();
    Slots.Request slot = slot(unit);
    try {
      String refusal = verify(planFile, digest, approved, commands, path, directory, commit, slot);
      if (refusal != null) {
        return failed(path, refusal).status();
      }
      ledger.record(RunEvent.of(EventType.APPLY_STARTED, path).withPlan(approved, digest).withCommit(commit));
      CommandResult apply = runs.once(commands.apply(path, directory, commit, planFile), slot);
      if (apply.exitCode() != 0) {
        return failed(path, "apply failed (exit " + apply.exitCode() + "); see " + logs.file(path)).status();
      }
      ledger.record(RunEvent.of(EventType.APPLIED, path).withPlan(approved, digest).withCommit(commit));
      return UnitStatus.APPLIED;
    } catch (RunnerException | PlanFormatException e) {
      return failed(path, e.getMessage()).status();
    } catch (IOException e) {
      return failed(path, "I/O error: " + e.getMessage()).status();
    }
  }

  /** Records that {@code path} failed with {@code message}. */
  public Planned failed(String path, String message) {
    ledger.record(RunEvent.of(EventType.FAILED, path).withMessage(message));
    return new Planned(UnitStatus.FAILED, null, null);
  }

  /** The run's retry policy with the transient-failure patterns of the unit's account added. */
  private RetryPolicy retries(TerragruntCommands commands) {
    return runs.retry().withPatterns(commands.settings().retryOn());
  }

  private static Slots.Request slot(RunUnit unit) {
    return new Slots.Request(unit.path(), unit.account(), unit.criticalPath());
  }

  /** Why the plan file may not be applied, or null. */
  private String verify(Path planFile, String digest, PlanSummary approved, TerragruntCommands commands, String path,
      Path directory, String commit, Slots.Request slot)
      throws IOException, RunnerException, InterruptedException, PlanFormatException {
    if (digest != null) {
      String now = files.digest(planFile);
      return digest.equals(now) ? null
          : "the plan file changed after it was approved (digest " + now + ", approved " + digest + "): not applied";
    }
    CommandResult show = runs.withRetries(commands.show(path, directory, commit, planFile), slot, retries(commands));
    String hash = show.exitCode() == 0 ? PlanReader.read(show.stdout()).hash() : "(unreadable)";
    return approved.hash().equals(hash) ? null
        : "the plan to apply has hash " + hash + ", not the approved " + approved.hash() + ": not applied";
  }
}
