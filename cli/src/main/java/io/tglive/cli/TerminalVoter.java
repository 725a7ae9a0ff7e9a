package io.tglive.cli;

import io.tglive.approval.Decision;
import io.tglive.approval.GateState;
import io.tglive.approval.Membership;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.VoteRequest;
import io.tglive.approval.VoteResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The prompt of {@code tglive run}: for each gate that opens and that the local user may vote on, prints
 * the plan and reads {@code yes} / {@code no} (optionally followed by a reason) or an empty line (leave it
 * to the other voters), and casts the answer as the local user's vote in the run's ledger, the same ledger
 * {@code tglive approve} writes to. One gate at a time, on its own thread, so the run keeps waiting for
 * votes from other processes meanwhile; at end of input it stops asking.
 */
final class TerminalVoter {

  private final VoteLedger ledger;
  private final BufferedReader in;
  private final PrintWriter out;
  private final String user;
  private final Membership membership;
  private final RunProgress progress;
  private final BlockingQueue<GateState> queue = new LinkedBlockingQueue<>();
  private Thread thread;

  TerminalVoter(VoteLedger ledger, BufferedReader in, PrintWriter out, String user, Membership membership,
      RunProgress progress) {
    this.ledger = ledger;
    this.in = in;
    this.out = out;
    this.user = user;
    this.membership = membership;
    this.progress = progress;
  }

  /** Called when a gate opens: queues it for the prompt, or says where else votes come from. */
  synchronized void opened(GateState gate) {
    String elsewhere = "tglive approve --run " + ledger.directory() + " --unit " + gate.unit() + " --as USER";
    if (!gate.terms().isVoter(user, membership) || thread != null && !thread.isAlive()) {
      say("== waiting for votes on " + gate.unit() + " (" + gate.tally() + ") from "
          + String.join(", ", gate.terms().voters()) + ": " + elsewhere);
      return;
    }
    queue.add(gate);
    if (thread == null) {
      thread = new Thread(this::ask, "tglive-prompt");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void ask() {
    try {
      while (true) {
        GateState queued = queue.take();
        GateState gate = ledger.current(queued.unit()).orElse(queued);
        if (gate.status().closed() || !gate.hash().equals(queued.hash())) {
          continue;
        }
        String answer = prompt(gate);
        if (answer == null) {
          say("(end of input: no more answers from this terminal; waiting for votes from other processes)");
          return;
        }
        String[] words = answer.strip().split("\\s+", 2);
        String first = words[0].toLowerCase(Locale.ROOT);
        if (first.isEmpty()) {
          continue;
        }
        Decision decision = first.equals("yes") || first.equals("y") ? Decision.APPROVE
            : first.equals("no") || first.equals("n") ? Decision.REJECT : null;
        if (decision == null) {
          say("Please answer yes or no.");
          queue.add(queued);
          continue;
        }
        VoteResult result = ledger.vote(new VoteRequest(gate.unit(), gate.hash(), user, decision,
            words.length > 1 ? words[1] : ""), membership);
        say((result.outcome().accepted() ? "" : "refused: ") + result.message());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      say("the prompt stopped: " + e.getMessage());
    }
  }

  private String prompt(GateState gate) throws IOException {
    progress.pause();
    try {
      synchronized (out) {
        out.println();
        out.println("== approval needed: " + gate.unit() + " (" + gate.plan().counts() + ", plan "
            + gate.hash().substring(0, 12) + "; " + gate.tally() + ")");
        gate.plan().changes().forEach(change -> out.println("   " + change));
        out.print("Vote as " + user + "? [yes/no, optionally followed by a reason; empty: leave it to the others] ");
        out.flush();
      }
      String answer = in.readLine();
      if (answer != null && System.console() == null) {
        say(answer);
      }
      return answer;
    } finally {
      progress.resume();
    }
  }

  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
