package io.tglive.run.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tglive.run.terragrunt.PlanSummary;

/**
 * One line of the journal. Only the fields of its type are set.
 *
 * @param seq position in the journal, from 1
 * @param at ISO-8601 instant
 * @param type what happened
 * @param unit the unit, for unit events
 * @param header for {@link EventType#RUN_STARTED}
 * @param pid the process, for process events
 * @param processStart the process's start instant, so a reused pid is not mistaken for it
 * @param command the command kind, for process events
 * @param plan the plan summary ({@link EventType#PLANNED}, {@link EventType#APPLIED})
 * @param planDigest SHA-256 of the plan file's bytes ({@link EventType#PLANNED})
 * @param approved the gate's decision ({@link EventType#GATED})
 * @param who who decided
 * @param message why, or what failed, or the blocking unit
 * @param commit the commit a plan or apply ran in
 * @param outcome {@code succeeded}, {@code failed} or {@code rejected} ({@link EventType#RUN_ENDED})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunEvent(
    long seq,
    String at,
    EventType type,
    String unit,
    RunHeader header,
    Long pid,
    String processStart,
    String command,
    PlanSummary plan,
    String planDigest,
    Boolean approved,
    String who,
    String message,
    String commit,
    String outcome) {

  /** An event to record; {@link RunJournal} sets its sequence number and time. */
  public static RunEvent of(EventType type, String unit) {
    return new RunEvent(0, null, type, unit, null, null, null, null, null, null, null, null, null, null, null);
  }

  public RunEvent withSeq(long number, String instant) {
    return new RunEvent(number, instant, type, unit, header, pid, processStart, command, plan, planDigest, approved,
        who, message, commit, outcome);
  }

  public RunEvent withHeader(RunHeader value) {
    return new RunEvent(seq, at, type, unit, value, pid, processStart, command, plan, planDigest, approved, who,
        message, commit, outcome);
  }

  public RunEvent withProcess(long id, String start, String kind) {
    return new RunEvent(seq, at, type, unit, header, id, start, kind, plan, planDigest, approved, who, message, commit,
        outcome);
  }

  public RunEvent withPlan(PlanSummary summary, String digest) {
    return new RunEvent(seq, at, type, unit, header, pid, processStart, command, summary, digest, approved, who,
        message, commit, outcome);
  }

  public RunEvent withDecision(boolean ok, String by, String why) {
    return new RunEvent(seq, at, type, unit, header, pid, processStart, command, plan, planDigest, ok, by, why, commit,
        outcome);
  }

  public RunEvent withMessage(String text) {
    return new RunEvent(seq, at, type, unit, header, pid, processStart, command, plan, planDigest, approved, who, text,
        commit, outcome);
  }

  public RunEvent withCommit(String sha) {
    return new RunEvent(seq, at, type, unit, header, pid, processStart, command, plan, planDigest, approved, who,
        message, sha, outcome);
  }

  public RunEvent withOutcome(String value) {
    return new RunEvent(seq, at, type, unit, header, pid, processStart, command, plan, planDigest, approved, who,
        message, commit, value);
  }
}
