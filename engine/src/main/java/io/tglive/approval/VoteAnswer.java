package io.tglive.approval;

import io.tglive.report.JsonDocument;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a vote as scripts read it: a JSON document whose fields and words are stable
 * (documented in docs/approvals.md), built from the engine's {@link VoteResult} or from a refusal
 * the caller made before the vote reached the ledger (a caller who is not logged in, a bad request).
 *
 * @param accepted whether the vote stands (recorded now, changed, or the same vote again)
 * @param outcome  the outcome word: a {@link VoteOutcome} in lower case with dashes ({@code not-a-voter}),
 *                 or the caller's own word for a refusal it made
 * @param message  one line for people
 * @param gate     the gate after the vote, when there is one
 */
public record VoteAnswer(boolean accepted, String outcome, String message, Optional<GateState> gate) {

  public VoteAnswer {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(gate, "gate");
  }

  /** The answer for the engine's verdict on a vote. */
  public static VoteAnswer of(VoteResult result) {
    return new VoteAnswer(result.outcome().accepted(), word(result.outcome()), result.message(), result.gate());
  }

  /** A refusal made before the vote reached the ledger, named by {@code outcome} ({@code not-logged-in}). */
  public static VoteAnswer refused(String outcome, String message) {
    return new VoteAnswer(false, outcome, message, Optional.empty());
  }

  /** {@code not-a-voter} for {@link VoteOutcome#NOT_A_VOTER}. */
  public static String word(VoteOutcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The document: {@code accepted}, {@code outcome}, {@code message}, then {@code gate} (null when
   * there is none) with {@code unit}, {@code planHash}, {@code status}, {@code approvals},
   * {@code approvalsRequired}, {@code rejections}, {@code rejectionsRequired} and {@code votes}
   * ({@code voter}, {@code decision}, {@code at}, {@code comment}, in the order first cast).
   */
  public String json() {
    return JsonDocument.write(json -> {
      json.writeStartObject();
      json.writeBooleanField("accepted", accepted);
      json.writeStringField("outcome", outcome);
      json.writeStringField("message", message);
      if (gate.isEmpty()) {
        json.writeNullField("gate");
      } else {
        GateState state = gate.get();
        json.writeObjectFieldStart("gate");
        json.writeStringField("unit", state.unit());
        json.writeStringField("planHash", state.hash());
        json.writeStringField("status", state.status().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("approvals", state.approvers().size());
        json.writeNumberField("approvalsRequired", state.terms().approvalsRequired());
        json.writeNumberField("rejections", state.rejecters().size());
        json.writeNumberField("rejectionsRequired", state.terms().rejectionsRequired());
        json.writeArrayFieldStart("votes");
        for (Vote vote : state.votes()) {
          json.writeStartObject();
          json.writeStringField("voter", vote.voter());
          json.writeStringField("decision", vote.decision().word());
          json.writeStringField("at", vote.at());
          json.writeStringField("comment", vote.comment());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndObject();
    });
  }
}
