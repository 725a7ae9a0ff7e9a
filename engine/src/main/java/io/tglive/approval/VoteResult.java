package io.tglive.approval;

import java.util.Optional;

/**
 * The answer to a vote.
 *
 * @param outcome recorded, or why not
 * @param message one line for people
 * @param gate the gate after the vote, when there is one
 */
public record VoteResult(VoteOutcome outcome, String message, Optional<GateState> gate) {

  static VoteResult refused(VoteOutcome outcome, String message, GateState gate) {
    return new VoteResult(outcome, message, Optional.ofNullable(gate));
  }
}
