package io.tglive.run.gate;

import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Asks at the terminal, one unit at a time: prints the plan summary and reads {@code yes} or
 * {@code no} (with an optional reason after it). End of input rejects.
 */
public final class PromptGate implements Gate {

  private final BufferedReader in;
  private final PrintWriter out;
  private final String who;
  private final boolean echo;

  /**
   * @param who the name recorded as the approver (the local user)
   * @param echo print each answer read (when the input is not a terminal, which echoes it itself)
   */
  public PromptGate(BufferedReader in, PrintWriter out, String who, boolean echo) {
    this.in = in;
    this.out = out;
    this.who = who;
    this.echo = echo;
  }

  @Override
  public synchronized GateDecision decide(String unit, ApprovalPolicy policy, PlanSummary plan) {
    out.println();
    out.println("== approval needed: " + unit + " (" + plan.counts() + ", plan " + plan.hash().substring(0, 12) + ")");
    plan.changes().forEach(change -> out.println("   " + change));
    while (true) {
      out.print("Apply this plan? [yes/no, optionally followed by a reason] ");
      out.flush();
      String answer;
      try {
        answer = in.readLine();
      } catch (IOException e) {
        return GateDecision.reject(who, "cannot read the answer: " + e.getMessage());
      }
      if (echo) {
        out.println(answer == null ? "(end of input)" : answer);
      }
      if (answer == null) {
        return GateDecision.reject(who, "no answer (end of input)");
      }
      String[] words = answer.strip().split("\\s+", 2);
      String reason = words.length > 1 ? words[1] : "";
      switch (words[0].toLowerCase(Locale.ROOT)) {
        case "yes", "y" -> {
          return GateDecision.approve(who, reason);
        }
        case "no", "n" -> {
          return GateDecision.reject(who, reason);
        }
        default -> out.println("Please answer yes or no.");
      }
    }
  }
}
