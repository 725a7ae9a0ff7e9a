package io.tglive.approval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tglive.run.terragrunt.PlanSummary;

/**
 * One line of a run's vote ledger ({@code votes.jsonl}): a gate opened for a plan, a vote on it, or a
 * gate closed without votes deciding it (timeout, or a gate no votes could pass).
 *
 * @param kind {@code opened}, {@code vote} or {@code closed}
 * @param at ISO-8601 instant
 * @param unit the unit's path
 * @param hash the plan hash the line is about
 * @param plan the plan's summary ({@code opened})
 * @param terms the gate's rules ({@code opened})
 * @param change the change being deployed, {@code PR #12} or a short commit ({@code opened})
 * @param commit the commit planned ({@code opened})
 * @param voter who voted ({@code vote})
 * @param decision approve or reject ({@code vote})
 * @param comment the voter's comment ({@code vote})
 * @param status how it closed ({@code closed})
 * @param reason why it closed ({@code closed})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record LedgerLine(String kind, String at, String unit, String hash, PlanSummary plan, GateTerms terms, String change,
    String commit, String voter, Decision decision, String comment, GateStatus status, String reason) {

  static final String OPENED = "opened";
  static final String VOTE = "vote";
  static final String CLOSED = "closed";

  static LedgerLine opened(String at, String unit, PlanSummary plan, GateTerms terms, String change, String commit) {
    return new LedgerLine(OPENED, at, unit, plan.hash(), plan, terms, change, commit, null, null, null, null, null);
  }

  static LedgerLine vote(String at, String unit, String hash, String voter, Decision decision, String comment) {
    return new LedgerLine(VOTE, at, unit, hash, null, null, null, null, voter, decision, comment, null, null);
  }

  static LedgerLine closed(String at, String unit, String hash, GateStatus status, String reason) {
    return new LedgerLine(CLOSED, at, unit, hash, null, null, null, null, null, null, null, status, reason);
  }
}
