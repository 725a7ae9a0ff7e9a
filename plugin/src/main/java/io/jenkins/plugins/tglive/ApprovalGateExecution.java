package io.jenkins.plugins.tglive;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.approval.ChangeInfo;
import io.tglive.approval.GateKeeper;
import io.tglive.approval.GateOverride;
import io.tglive.approval.GateState;
import io.tglive.approval.GateStatus;
import io.tglive.approval.GateTerms;
import io.tglive.approval.RunGates;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.run.gate.GateDecision;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunState;
import io.tglive.stack.ApprovalPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The waiting {@code tgApprovalGate}: opens the unit's gate in the build's vote ledger, journals
 * {@code AWAITING_APPROVAL}, and checks the ledger every {@value #POLL_SECONDS} s on Jenkins' timer
 * (never on the CPS VM thread) until votes (from the build's page, its POST endpoint or
 * {@code tglive approve}) or the timeout settle it; then journals {@code GATED} and returns the votes,
 * or fails naming who rejected. Its state is its serializable fields; {@link #onResume} re-arms the
 * check after a restart, and the votes are in the ledger on disk.
 */
public final class ApprovalGateExecution extends StepExecution {

  private static final long serialVersionUID = 1L;
  static final long POLL_SECONDS = 2;

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
  private boolean settled;
  private transient volatile ScheduledFuture<?> task;

  ApprovalGateExecution(StepContext context, String unit, List<String> voters, Integer approvals, Integer rejections,
      String message, String timeout) {
    super(context);
    this.unit = unit;
    this.voters = voters == null ? null : new ArrayList<>(voters);
    this.approvals = approvals;
    this.rejections = rejections;
    this.message = message;
    this.timeout = timeout;
  }

  @Override
  public boolean start() throws Exception {
    Run<?, ?> run = getContext().get(Run.class);
    EnvVars env = getContext().get(EnvVars.class);
    TaskListener listener = getContext().get(TaskListener.class);
    Path dir = BuildRunJournal.directory(run);
    directory = dir.toString();
    RunState state = BuildRunJournal.read(dir);
    if (state.header() == null) {
      throw new AbortException("tgApprovalGate: this build has no run (call terragruntStack first)");
    }
    RunGates.Gated gated;
    ApprovalPolicy policy;
    try {
      gated = RunGates.gated(state, unit);
      policy = new GateOverride(voters, approvals, rejections, timeout).apply(gated.unit().policy(),
          TerragruntLiveConfiguration.get().isAllowLaxerGateOverrides());
    } catch (IllegalArgumentException e) {
      throw new AbortException("tgApprovalGate: " + e.getMessage());
    }
    hash = gated.plan().hash();
    String changeId = env.get("CHANGE_ID");
    change = changeId == null || changeId.isBlank() ? state.header().headCommit().substring(0, 12) : "PR #" + changeId;
    commit = state.header().headCommit();
    authors = new ArrayList<>(GateTerms.authorIdentities(env.get("CHANGE_AUTHOR"), env.get("CHANGE_AUTHOR_EMAIL")));
    String buildUrl = env.get("BUILD_URL");
    page = buildUrl == null ? null : buildUrl + ApprovalGatesAction.URL_NAME + "/";
    if (run.getActions(ApprovalGatesAction.class).isEmpty()) {
      run.addAction(new ApprovalGatesAction());
    }
    GateState gate = keeper(notifier()).open(unit, policy, gated.plan());
    BuildRunJournal.record(dir, RunEvent.of(EventType.AWAITING_APPROVAL, unit));
    listener.getLogger().println("tgApprovalGate: " + unit + (message == null ? "" : ": " + message) + " - plan "
        + hash.substring(0, 12) + " (" + gated.plan().counts() + ") needs " + gate.terms().approvalsRequired()
        + " approval(s) from " + String.join(", ", gate.terms().voters()) + "; vote at "
        + (page == null ? run.getUrl() + ApprovalGatesAction.URL_NAME + "/" : page));
    schedule(0);
    return false;
  }

  @Override
  public void onResume() {
    if (!settled) {
      schedule(0);
    }
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    ScheduledFuture<?> running = task;
    if (running != null) {
      running.cancel(false);
    }
    settled = true;
    getContext().onFailure(cause);
  }

  private void schedule(long delaySeconds) {
    task = Timer.get().schedule(this::check, delaySeconds, TimeUnit.SECONDS);
  }

  /** Reads the ledger; when the gate settled, journals the decision and ends the step, else checks again later. */
  void check() {
    if (settled) {
      return;
    }
    try {
      Optional<GateDecision> decision = keeper(GateNotifier.NONE).settled(unit, hash);
      if (decision.isEmpty()) {
        schedule(POLL_SECONDS);
        return;
      }
      settled = true;
      GateDecision outcome = decision.get();
      Path dir = Path.of(directory);
      BuildRunJournal.record(dir, RunEvent.of(EventType.GATED, unit)
          .withDecision(outcome.approved(), outcome.who(), outcome.why()));
      GateState gate = VoteLedger.in(dir).current(unit).orElseThrow();
      if (outcome.approved()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("approved", true);
        result.put("planHash", hash);
        result.put("votes", RunGates.votes(gate));
        getContext().onSuccess(result);
      } else {
        getContext().onFailure(new AbortException("tgApprovalGate: " + unit + " was rejected by " + outcome.who()
            + (outcome.why().isEmpty() ? "" : " (" + outcome.why() + ")")
            + (gate.status() == GateStatus.REJECTED ? "" : "; gate " + gate.status())));
      }
    } catch (IOException | RuntimeException e) {
      settled = true;
      getContext().onFailure(new AbortException("tgApprovalGate: cannot read the votes of " + unit + ": "
          + e.getMessage()));
    }
  }

  private GateKeeper keeper(GateNotifier notifier) throws IOException {
    return new GateKeeper(VoteLedger.in(Path.of(directory)), new ChangeInfo(change, commit, authors), notifier,
        u -> Optional.ofNullable(page).map(URI::create), Clock.systemUTC());
  }

  /** Who is told when the gate opens: the notifiers configured for Jenkins (email, webhook). */
  private static GateNotifier notifier() {
    return GateNotifier.NONE;
  }

  /** The unit this execution gates. */
  String unit() {
    return unit;
  }
}
