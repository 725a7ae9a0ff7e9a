package io.jenkins.plugins.tglive;

import io.tglive.approval.Decision;
import io.tglive.approval.Membership;
import io.tglive.approval.VoteAnswer;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.VoteRequest;
import io.tglive.approval.VoteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A vote that came over HTTP, translated for the engine: the authenticated user and the groups the
 * security realm gives them, the form's fields; the engine's answer as an HTTP status and one line.
 * The rules are all the engine's ({@link VoteLedger}); administrators get no bypass.
 */
final class GateVotes {

  /** Jenkins' name for a caller who did not log in. */
  static final String ANONYMOUS = "anonymous";

  /**
   * An HTTP answer.
   *
   * @param status 200, or 400, 403, 404, 409, 500
   * @param answer what the body says: one line for people ({@link VoteAnswer#message()}), JSON for scripts
   */
  record Reply(int status, VoteAnswer answer) {

    /** The one line for people. */
    String message() {
      return answer.message();
    }
  }

  private GateVotes() {}

  /** Casts the vote of {@code user} (a member of {@code groups}) in the build's run directory. */
  static Reply vote(Path runDirectory, String user, Collection<String> groups, String unit, String plan,
      String decision, String comment) {
    if (user == null || user.isBlank() || user.equals(ANONYMOUS)) {
      return refused(403, "not-logged-in", "log in to vote");
    }
    if (unit == null || unit.isBlank()) {
      return refused(400, "bad-request", "the vote names no unit (parameter 'unit')");
    }
    String choice = decision == null ? "" : decision.strip().toLowerCase(Locale.ROOT);
    if (!choice.equals("approve") && !choice.equals("reject")) {
      return refused(400, "bad-request", "parameter 'decision' must be approve or reject");
    }
    Set<String> memberOf = groups.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Membership membership = (who, group) -> who.equals(user) && memberOf.contains(group.toLowerCase(Locale.ROOT));
    try {
      VoteResult result = VoteLedger.voteIn(runDirectory,
          new VoteRequest(unit.strip(), plan, user, Decision.of(choice), comment), membership);
      return new Reply(status(result), VoteAnswer.of(result));
    } catch (IOException | RuntimeException e) {
      return refused(500, "error", "the vote could not be recorded: " + e.getMessage());
    }
  }

  private static Reply refused(int status, String outcome, String message) {
    return new Reply(status, VoteAnswer.refused(outcome, message));
  }

  private static int status(VoteResult result) {
    return switch (result.outcome()) {
      case RECORDED, CHANGED, UNCHANGED -> 200;
      case NOT_A_VOTER, AUTHOR -> 403;
      case UNKNOWN_RUN, UNKNOWN_UNIT, NO_OPEN_GATE -> 404;
      case CLOSED, WRONG_PLAN, PLAN_CHANGED -> 409;
    };
  }
}
