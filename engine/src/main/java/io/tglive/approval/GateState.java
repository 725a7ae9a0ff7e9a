package io.tglive.approval;

import io.tglive.run.terragrunt.PlanSummary;
import java.util.List;
import java.util.Optional;

/**
 * A gate as its ledger says: the plan it is about, its terms, the live votes and where it stands.
 *
 * @param unit the unit's path
 * @param plan the plan being approved (its hash identifies the gate)
 * @param terms who may vote and how many votes settle it
 * @param change the change, {@code PR #12} or a short commit
 * @param commit the commit planned
 * @param openedAt when it opened
 * @param votes one live vote per voter, in the order first cast
 * @param status open, approved, rejected or superseded
 * @param reason why it closed without votes ({@code timeout}, a gate no votes could pass), or empty
 */
public record GateState(String unit, PlanSummary plan, GateTerms terms, String change, String commit,
    String openedAt, List<Vote> votes, GateStatus status, String reason) {

  public GateState {
    votes = List.copyOf(votes);
    reason = reason == null ? "" : reason;
  }

  /** The plan hash. */
  public String hash() {
    return plan.hash();
  }

  /** Who approves, in order. */
  public List<String> approvers() {
    return votes.stream().filter(v -> v.decision() == Decision.APPROVE).map(Vote::voter).toList();
  }

  /** Who rejects, in order. */
  public List<String> rejecters() {
    return votes.stream().filter(v -> v.decision() == Decision.REJECT).map(Vote::voter).toList();
  }

  /** {@code voter}'s live vote (compared without case). */
  public Optional<Vote> voteOf(String voter) {
    return votes.stream().filter(v -> v.voter().equalsIgnoreCase(voter)).findFirst();
  }

  /** {@code 1 of 2 approvals, 0 of 1 rejections}. */
  public String tally() {
    return approvers().size() + " of " + terms.approvalsRequired() + " approvals, " + rejecters().size() + " of "
        + terms.rejectionsRequired() + " rejections";
  }

  GateState with(List<Vote> newVotes, GateStatus newStatus, String newReason) {
    return new GateState(unit, plan, terms, change, commit, openedAt, newVotes, newStatus, newReason);
  }
}
