package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.rollback.ModeVote;
import io.tglive.rollback.RollbackException;
import io.tglive.run.state.RunState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code def mode = tgRollbackGate(choices: ['all', 'selective', 'none'])}: the rollback voters of the
 * units the build's deploy changed choose the rollback's mode on the build's Approval gates page
 * (the engine's {@link ModeVote}); returns the mode chosen, or {@code none} at once when the deploy
 * changed nothing. Waits like {@code tgApprovalGate}: no thread held, restart-safe.
 */
public final class TgRollbackGateStep extends Step {

  private List<String> choices = new ArrayList<>(List.of("all", "selective", "none"));

  @DataBoundConstructor
  public TgRollbackGateStep() {}

  public List<String> getChoices() {
    return List.copyOf(choices);
  }

  /** The modes offered (default all, selective, none). */
  @DataBoundSetter
  public void setChoices(List<String> choices) {
    this.choices = choices == null || choices.isEmpty() ? new ArrayList<>(List.of("all", "selective", "none"))
        : new ArrayList<>(choices);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, choices);
  }

  /** Pipeline metadata. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "tgRollbackGate";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Let the rollback voters choose the rollback mode";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, EnvVars.class);
    }
  }

  /**
   * Opens the vote, then reads it every {@value PollingExecution#POLL_SECONDS} s on Jenkins'
   * timer until a mode is chosen. Its state is its serializable fields; {@link #onResume} re-arms the
   * check, and the votes are on disk.
   */
  static final class Execution extends PollingExecution {

    private static final long serialVersionUID = 1L;

    private final ArrayList<String> choices;
    private String directory;

    Execution(StepContext context, List<String> choices) {
      super(context);
      this.choices = new ArrayList<>(choices);
    }

    @Override
    public boolean start() throws Exception {
      Run<?, ?> run = getContext().get(Run.class);
      TaskListener listener = getContext().get(TaskListener.class);
      Path dir = BuildRunJournal.directory(run);
      RunState state = BuildRuns.exists(run) ? BuildRunJournal.read(dir) : new RunState();
      if (state.header() == null) {
        throw new AbortException("tgRollbackGate: this build has no deploy run: call terragruntStack first");
      }
      Optional<ModeVote.Terms> terms;
      try {
        terms = ModeVote.terms(state.header(), state.units(), choices);
      } catch (RollbackException e) {
        throw new AbortException("tgRollbackGate: " + e.getMessage());
      }
      if (terms.isEmpty()) {
        listener.getLogger().println("tgRollbackGate: the deploy changed no unit: nothing to roll back (none)");
        settle();
        getContext().onSuccess("none");
        return true;
      }
      directory = dir.toString();
      ModeVote.State vote = ModeVote.open(dir, terms.get());
      if (run.getActions(ApprovalGatesAction.class).isEmpty()) {
        run.addAction(new ApprovalGatesAction());
      }
      String buildUrl = getContext().get(EnvVars.class).get("BUILD_URL");
      listener.getLogger().println("tgRollbackGate: choose the rollback mode (" + String.join(", ",
          vote.terms().choices()) + "): " + vote.terms().approvalsRequired() + " vote(s) choose a mode, "
          + vote.terms().rejectionsRequired() + " choose none, from " + String.join(", ", vote.terms().voters())
          + "; vote at " + (buildUrl == null ? run.getUrl() : buildUrl) + ApprovalGatesAction.URL_NAME + "/");
      startPolling();
      return false;
    }

    @Override
    boolean poll() throws IOException, InterruptedException {
      Optional<ModeVote.State> vote = ModeVote.read(Path.of(directory));
      if (vote.isEmpty() || !vote.get().closed()) {
        return false;
      }
      getContext().get(TaskListener.class).getLogger().println("tgRollbackGate: " + ModeVote.describe(vote.get()));
      getContext().onSuccess(vote.get().chosen());
      return true;
    }

    @Override
    void failed(Exception e) {
      getContext().onFailure(new AbortException("tgRollbackGate: cannot read the vote: " + e.getMessage()));
    }
  }
}
