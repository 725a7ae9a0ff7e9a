package io.tglive.cli;

import io.tglive.approval.ChangeInfo;
import io.tglive.approval.GateKeeper;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.VotingGate;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.run.gate.Gate;
import io.tglive.run.gate.PolicyGate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The gate of a terminal rollback: no gate where the policy needs none, else the vote ledger of the
 * rollback's directory, where the prompt casts the operating system user's vote and
 * {@code tglive approve --run <that directory>} casts others'.
 */
final class TerminalGate {

  private TerminalGate() {}

  /** A voting gate over the ledger in {@code directory} for {@code change}, prompting on {@code err}. */
  static Gate of(Path directory, ChangeInfo change, RunProgress progress, PrintWriter err) throws IOException {
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String user = System.getProperty("user.name", "local user");
    VoteLedger votes = VoteLedger.in(directory);
    TerminalVoter prompt = new TerminalVoter(votes, stdin, err, user, (who, group) -> false, progress);
    GateKeeper keeper = new GateKeeper(votes, change, GateNotifier.NONE, unit -> Optional.empty(), Clock.systemUTC());
    return new PolicyGate(new VotingGate(keeper, Duration.ofMillis(250), prompt::opened));
  }
}
