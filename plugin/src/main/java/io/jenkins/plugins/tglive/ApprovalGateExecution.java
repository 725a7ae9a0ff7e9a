package io.jenkins.plugins.tglive;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.approval.notify.GateNotifier;
import java.io.IOException;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The waiting {@code tgApprovalGate}: opens the gate ({@link GateSession}), then checks the vote
 * ledger every {@value #POLL_SECONDS} s on Jenkins' timer, never on the CPS VM thread, until votes
 * (from the build's page, its POST endpoint or {@code tglive approve}) or the timeout settle it;
 * then ends the step with the votes, or fails naming who rejected. Its state is its serializable
 * fields; {@link #onResume} re-arms the check after a restart, and the votes are on disk.
 */
public final class ApprovalGateExecution extends PollingExecution {

  private static final long serialVersionUID = 1L;

  private final GateSession session;

  ApprovalGateExecution(StepContext context, GateSession session) {
    super(context);
    this.session = session;
  }

  @Override
  public boolean start() throws Exception {
    Run<?, ?> run = getContext().get(Run.class);
    TaskListener listener = getContext().get(TaskListener.class);
    String line = session.open(run, getContext().get(EnvVars.class),
        TerragruntLiveConfiguration.get().isAllowLaxerGateOverrides(), notifier(listener));
    listener.getLogger().println(line);
    startPolling();
    return false;
  }

  @Override
  boolean poll() throws IOException {
    Optional<GateSession.Outcome> outcome = session.check();
    if (outcome.isEmpty()) {
      return false;
    }
    if (outcome.get().approved()) {
      getContext().onSuccess(outcome.get().result());
    } else {
      getContext().onFailure(new AbortException(outcome.get().failure()));
    }
    return true;
  }

  @Override
  void failed(Exception e) {
    getContext().onFailure(new AbortException("tgApprovalGate: cannot read the votes of " + session.unit() + ": "
        + e.getMessage()));
  }

  /**
   * Who is told when the gate opens: the e-mail and webhook notifiers of the global configuration;
   * who could not be told (a group the security realm cannot list, a voter without an address) and
   * failed deliveries are also said in the build's log.
   */
  private static GateNotifier notifier(TaskListener listener) {
    return notice -> GateNotifications.INSTANCE.gateOpened(notice,
        line -> listener.getLogger().println("tgApprovalGate: " + line));
  }
}
