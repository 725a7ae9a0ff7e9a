package io.jenkins.plugins.tglive;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.tglive.approval.ChangeInfo;
import io.tglive.approval.GateKeeper;
import io.tglive.approval.GateOverride;
import io.tglive.approval.GateState;
import io.tglive.approval.GateTerms;
import io.tglive.approval.RunGates;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.rollback.RollbackRun;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunState;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.stepwise.StepwiseRun;
import io.tglive.stack.ApprovalPolicy;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code tgApprovalGate} call, translated for the engine and kept in plain serializable fields
 * (the step execution's state, saved in the pipeline's program): the unit and the step's overrides,
 * then, once opened, the build's run directory, the plan hash, the change and the page.
 */
final class GateSession implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String unit;
  private final ArrayList<String> voters;
  private final Integer approvals;
  private final Integer rejections;
  private final String message;
  private final String timeout;
  private String directory;
  private String hash;
  private String change;
  private String commit;
  private ArrayList<String> authors;
  private String page;
  private boolean rollback;

  GateSession(String unit, List<String> voters, Integer approvals, Integer rejections, String message,
      String timeout) {
    this.unit = unit;
    this.voters = voters == null ? null : new ArrayList<>(voters);
    this.approvals = approvals;
    this.rejections = rejections;
    this.message = message;
    this.timeout = timeout;
  }

  /** This session for a step of the build's rollback (its record, its own vote ledger) when {@code rollback}. */
  GateSession forRollback(boolean rollback) {
    this.rollback = rollback;
    return this;
  }

  /**
   * Opens the gate of the unit's current plan in the build's run, journals {@code AWAITING_APPROVAL},
   * adds the build's gates page, and returns the console line that links to it.
   *
   * @param allowLaxer whether the administrator lets overrides relax the account's policy
   * @throws AbortException when the build has no run, the unit no plan to approve, or an override is refused
   */
  String open(Run<?, ?> run, EnvVars env, boolean allowLaxer, GateNotifier notifier) throws IOException {
    Path dir = rollback ? RollbackRun.directory(BuildRunJournal.directory(run)) : BuildRunJournal.directory(run);
    RunState state = rollback && !Files.isRegularFile(dir.resolve(RunLedger.JOURNAL)) ? new RunState()
        : BuildRunJournal.read(dir);
    if (state.header() == null) {
      throw new AbortException(rollback ? "tgApprovalGate: this build has no rollback (call tgRollback first)"
          : "tgApprovalGate: this build has no run (call terragruntStack first)");
    }
    String released = releasedReason(dir);
    if (released != null) {
      throw new AbortException("tgApprovalGate: " + unit + ": " + released);
    }
    RunGates.Gated gated;
    ApprovalPolicy policy;
    try {
      gated = RunGates.gated(state, unit);
      policy = new GateOverride(voters, approvals, rejections, timeout).apply(gated.unit().policy(), allowLaxer);
    } catch (IllegalArgumentException e) {
      throw new AbortException("tgApprovalGate: " + e.getMessage());
    }
    directory = dir.toString();
    hash = gated.plan().hash();
    String changeId = env.get("CHANGE_ID");
    // a rollback's record runs from the change's head (its "base") back to the change's base (its "head")
    String changeCommit = rollback ? state.header().baseCommit() : state.header().headCommit();
    change = (rollback ? "rollback of " : "")
        + (changeId == null || changeId.isBlank() ? changeCommit.substring(0, 12) : "PR #" + changeId);
    commit = changeCommit;
    // undoing a change is not approving it: its author may vote on the rollback like any listed voter
    authors = rollback ? new ArrayList<>()
        : new ArrayList<>(GateTerms.authorIdentities(env.get("CHANGE_AUTHOR"), env.get("CHANGE_AUTHOR_EMAIL")));
    String buildUrl = env.get("BUILD_URL");
    page = (buildUrl == null ? run.getUrl() : buildUrl) + ApprovalGatesAction.URL_NAME + "/";
    if (run.getActions(ApprovalGatesAction.class).isEmpty()) {
      run.addAction(new ApprovalGatesAction());
    }
    GateState gate = keeper(notifier).open(unit, policy, gated.plan());
    BuildRunJournal.record(dir, RunEvent.of(EventType.AWAITING_APPROVAL, unit));
    return "tgApprovalGate: " + (rollback ? "rollback " : "") + unit + (message == null || message.isBlank() ? "" : ": " + message) + " - plan "
        + hash.substring(0, 12) + " (" + gated.plan().counts() + ") needs " + gate.terms().approvalsRequired()
        + " approval(s) from " + String.join(", ", gate.terms().voters()) + "; vote at " + page;
  }

  /**
   * Once the gate settled (votes, or its timeout): journals {@code GATED} and returns the outcome;
   * empty while it is open.
   */
  Optional<Outcome> check() throws IOException {
    String released = releasedReason(Path.of(directory));
    if (released != null) {
      return Optional.of(new Outcome(false, Map.of(), "tgApprovalGate: " + unit + ": " + released));
    }
    Optional<GateDecision> decision = keeper(GateNotifier.NONE).settled(unit, hash);
    if (decision.isEmpty()) {
      return Optional.empty();
    }
    GateDecision outcome = decision.get();
    Path dir = Path.of(directory);
    BuildRunJournal.record(dir, RunEvent.of(EventType.GATED, unit)
        .withDecision(outcome.approved(), outcome.who(), outcome.why()));
    GateState gate = VoteLedger.in(dir).current(unit).orElseThrow();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("approved", outcome.approved());
    result.put("planHash", hash);
    result.put("votes", RunGates.votes(gate));
    return Optional.of(new Outcome(outcome.approved(), result, outcome.approved() ? ""
        : "tgApprovalGate: " + unit + " was rejected by " + outcome.who()
            + (outcome.why().isEmpty() ? "" : " (" + outcome.why() + ")")));
  }

  /**
   * A settled gate as the pipeline sees it.
   *
   * @param approved whether the step succeeds
   * @param result what the step returns: {@code approved}, {@code planHash}, {@code votes}
   * @param failure the step's failure message when rejected
   */
  record Outcome(boolean approved, Map<String, Object> result, String failure) {}

  private GateKeeper keeper(GateNotifier notifier) throws IOException {
    return new GateKeeper(VoteLedger.in(Path.of(directory)), new ChangeInfo(change, commit, authors), notifier,
        u -> Optional.ofNullable(page).filter(p -> p.startsWith("http")).map(URI::create), Clock.systemUTC());
  }

  /** Why the unit's run was released (a release change) when it blocked the unit, else null. */
  private String releasedReason(Path dir) throws IOException {
    StepwiseRun open = Files.isRegularFile(dir.resolve(RunLedger.JOURNAL)) ? BuildRuns.at(dir) : null;
    if (open == null || open.released().isEmpty()
        || open.header().units().stream().noneMatch(u -> u.path().equals(unit))
        || open.record(unit).status() != UnitStatus.BLOCKED) {
      return null;
    }
    return open.released().get();
  }

  /** The unit gated. */
  String unit() {
    return unit;
  }
}
