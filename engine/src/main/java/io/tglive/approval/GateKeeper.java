package io.tglive.approval;

import io.tglive.approval.notify.GateNotice;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.state.RunUnit;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens the gates of one run and reads their outcome, without waiting: the voting gate of
 * {@code tglive run} and Jenkins' {@code tgApprovalGate} both use it. Opening computes the gate's
 * terms (stricter for a destroy or a new provider), records them in the {@link VoteLedger} and
 * notifies the voters of a gate that was not already open for the same plan.
 */
public final class GateKeeper {

  private final VoteLedger ledger;
  private final ChangeInfo change;
  private final GateNotifier notifier;
  private final Function<String, Optional<URI>> approvalPage;
  private final Clock clock;

  /**
   * @param change the change and its author
   * @param approvalPage where a unit's voters vote, when there is a page
   */
  public GateKeeper(VoteLedger ledger, ChangeInfo change, GateNotifier notifier,
      Function<String, Optional<URI>> approvalPage, Clock clock) {
    this.ledger = ledger;
    this.change = change;
    this.notifier = notifier;
    this.approvalPage = approvalPage;
    this.clock = clock;
  }

  /** The ledger it writes to. */
  public VoteLedger ledger() {
    return ledger;
  }

  /** Opens (or finds open, votes kept) the gate of {@code unit} for {@code plan} under {@code policy}. */
  public GateState open(String unit, ApprovalPolicy policy, PlanSummary plan) throws IOException {
    Optional<RunUnit> runUnit = ledger.units().stream().filter(u -> u.path().equals(unit)).findFirst();
    boolean destroy = runUnit.map(RunUnit::destroy).orElse(false);
    Optional<GateState> before = ledger.current(unit);
    GateTerms terms = GateTerms.of(policy, plan, destroy, change.authors(), clock.instant());
    GateState gate = ledger.open(unit, plan, terms, change.change(), change.commit());
    boolean fresh = before.isEmpty() || !before.get().hash().equals(plan.hash());
    if (fresh && gate.status() == GateStatus.OPEN) {
      notifier.gateOpened(new GateNotice(ledger.header().id(), unit,
          runUnit.map(u -> Optional.ofNullable(u.account())).orElse(Optional.empty()), change.change(),
          change.commit(), plan, policy.voters(), approvalPage.apply(unit)));
    }
    return gate;
  }

  /** The decision on {@code unit}'s plan {@code hash} once its gate settled (a timeout settles it here). */
  public Optional<GateDecision> settled(String unit, String hash) throws IOException {
    GateState gate = ledger.expireIfDue(unit, hash);
    if (!gate.hash().equals(hash)) {
      return Optional.of(GateDecision.reject("gate", "a newer plan of " + unit + " replaced plan " + hash));
    }
    return gate.status().closed() ? Optional.of(decision(gate)) : Optional.empty();
  }

  /** A settled gate as the run records it: who decided and why ({@code timeout} when nobody did). */
  public static GateDecision decision(GateState gate) {
    return switch (gate.status()) {
      case APPROVED -> gate.reason().isEmpty()
          ? GateDecision.approve(String.join(", ", gate.approvers()), comments(gate, Decision.APPROVE))
          : GateDecision.approve("no gate", gate.reason());
      case REJECTED -> gate.reason().isEmpty()
          ? GateDecision.reject(String.join(", ", gate.rejecters()), comments(gate, Decision.REJECT))
          : GateDecision.reject(gate.reason().equals("timeout") ? "timeout" : "gate", gate.reason());
      case SUPERSEDED -> GateDecision.reject("gate", "a newer plan replaced plan " + gate.hash());
      case OPEN -> throw new IllegalStateException("the gate of " + gate.unit() + " is still open");
    };
  }

  private static String comments(GateState gate, Decision decision) {
    List<Vote> votes = gate.votes().stream().filter(v -> v.decision() == decision && !v.comment().isEmpty()).toList();
    return votes.stream().map(v -> v.voter() + ": " + v.comment()).collect(Collectors.joining("; "));
  }
}
