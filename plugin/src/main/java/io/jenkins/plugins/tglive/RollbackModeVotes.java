package io.jenkins.plugins.tglive;

import io.tglive.approval.Membership;
import io.tglive.approval.VoteAnswer;
import io.tglive.rollback.ModeVote;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rollback mode vote that came over HTTP, translated for the engine ({@link ModeVote}): the
 * authenticated user and the groups the security realm gives them; the answer as an HTTP status and
 * one line. Administrators get no bypass.
 */
final class RollbackModeVotes {

  private RollbackModeVotes() {}

  /** Casts the vote of {@code user} (a member of {@code groups}) for {@code choice} in the build's run directory. */
  static GateVotes.Reply vote(Path runDirectory, String user, Collection<String> groups, String choice,
      String comment) {
    if (user == null || user.isBlank() || user.equals(GateVotes.ANONYMOUS)) {
      return refused(403, "not-logged-in", "log in to vote");
    }
    if (choice == null || choice.isBlank()) {
      return refused(400, "bad-request", "the vote names no mode (parameter 'choice')");
    }
    Set<String> memberOf = groups.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    Membership membership = (who, group) -> who.equals(user) && memberOf.contains(group.toLowerCase(Locale.ROOT));
    try {
      ModeVote.Result result = ModeVote.vote(runDirectory, user, membership, choice, comment, Clock.systemUTC());
      int status = switch (result.outcome()) {
        case RECORDED, UNCHANGED -> 200;
        case NOT_A_VOTER -> 403;
        case NOT_OPEN -> 404;
        case UNKNOWN_CHOICE -> 400;
        case CLOSED -> 409;
      };
      String word = result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
      return new GateVotes.Reply(status, new VoteAnswer(status == 200, word, result.message(), Optional.empty()));
    } catch (IOException | RuntimeException e) {
      return refused(500, "error", "the vote could not be recorded: " + e.getMessage());
    }
  }

  private static GateVotes.Reply refused(int status, String outcome, String message) {
    return new GateVotes.Reply(status, VoteAnswer.refused(outcome, message));
  }
}
