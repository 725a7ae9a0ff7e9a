package io.tglive.approval;

import io.tglive.run.gate.Gate;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The gate of {@code tglive run}: opens the unit's gate in the run's vote ledger and waits until
 * its votes (from any process) settle it, or its timeout rejects it. A ledger that cannot be read
 * or written rejects the unit, saying why.
 */
public final class VotingGate implements Gate {

  private final GateKeeper keeper;
  private final Duration poll;
  private final Consumer<GateState> opened;

  /**
   * @param poll how often the ledger is read while waiting
   * @param opened told of each gate that opens (or is found open) before waiting, e.g. to prompt at the terminal
   */
  public VotingGate(GateKeeper keeper, Duration poll, Consumer<GateState> opened) {
    this.keeper = keeper;
    this.poll = poll;
    this.opened = opened;
  }

  @Override
  public GateDecision decide(String unit, ApprovalPolicy policy, PlanSummary plan) throws InterruptedException {
    try {
      GateState gate = keeper.open(unit, policy, plan);
      if (!gate.status().closed()) {
        opened.accept(gate);
      }
      while (true) {
        Optional<GateDecision> decision = keeper.settled(unit, plan.hash());
        if (decision.isPresent()) {
          return decision.get();
        }
        Thread.sleep(poll.toMillis());
      }
    } catch (IOException | UncheckedIOException e) {
      // Never apply on a ledger that cannot be read: the unit is rejected, saying why.
      return GateDecision.reject("gate", "cannot read or write the votes of " + unit + ": " + e.getMessage());
    }
  }
}
