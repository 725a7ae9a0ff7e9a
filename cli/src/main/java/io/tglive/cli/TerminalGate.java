package io.tglive.cli;

import io.tglive.run.gate.Gate;
import io.tglive.run.gate.PolicyGate;
import io.tglive.run.gate.PromptGate;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The gate of a terminal run: no gate where the policy needs none, else a prompt that pauses the progress line. */
final class TerminalGate {

  private TerminalGate() {}

  /** Asks on {@code err}, reads standard input, records the local user as the voter. */
  static Gate of(RunProgress progress, PrintWriter err) {
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Gate prompt = new PromptGate(stdin, err, System.getProperty("user.name", "local user"), System.console() == null);
    return new PolicyGate((unit, policy, plan) -> {
      progress.pause();
      try {
        return prompt.decide(unit, policy, plan);
      } finally {
        progress.resume();
      }
    });
  }
}
