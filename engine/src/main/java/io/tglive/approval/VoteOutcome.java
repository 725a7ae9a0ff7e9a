package io.tglive.approval;

/** What became of a vote: recorded, or why it was refused. */
public enum VoteOutcome {
  /** A first vote was recorded. */
  RECORDED(true),
  /** The voter's earlier vote was replaced. */
  CHANGED(true),
  /** The same vote again: nothing to record (a repeated vote is idempotent). */
  UNCHANGED(true),
  /** The user is not a voter of the unit's policy. */
  NOT_A_VOTER(false),
  /** The change's author may not approve it. */
  AUTHOR(false),
  /** The gate already settled: gate closed. */
  CLOSED(false),
  /** No run in that place. */
  UNKNOWN_RUN(false),
  /** The run has no such unit. */
  UNKNOWN_UNIT(false),
  /** The unit is not waiting for approval. */
  NO_OPEN_GATE(false),
  /** The vote names a plan of the unit that was never gated. */
  WRONG_PLAN(false),
  /** The vote names a plan that a newer plan of the unit replaced since (a page loaded before the new plan). */
  PLAN_CHANGED(false);

  private final boolean accepted;

  VoteOutcome(boolean accepted) {
    this.accepted = accepted;
  }

  /** Whether the vote stands (recorded now or before). */
  public boolean accepted() {
    return accepted;
  }
}
