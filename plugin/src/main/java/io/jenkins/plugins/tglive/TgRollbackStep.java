package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.rollback.RollbackException;
import io.tglive.rollback.RollbackMode;
import io.tglive.rollback.RollbackPlan;
import io.tglive.rollback.RollbackRun;
import io.tglive.rollback.StateReader;
import io.tglive.rollback.StepwiseRollback;
import io.tglive.rollback.TerragruntStates;
import io.tglive.run.aws.Secrets;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.state.RunHeader;
import io.tglive.run.stepwise.StepwiseRun;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tgRollback(mode: 'all'|'selective'|'none', paths: […])}: ends the build's deploy run, computes
 * its rollback plan (the engine's {@link StepwiseRollback#prepare}: the run's record, both trees, the new
 * providers' resources from {@code state pull} on the agent), records it as the build's rollback and
 * returns it as a map; the Pipeline then runs each unit's steps with {@code tgPlanPath},
 * {@code tgApprovalGate} and {@code tgApplyPath} with {@code rollback: true}, one branch per unit, and
 * reads what was rolled back with {@code tgRollbackResult()}.
 */
public final class TgRollbackStep extends Step {

  private String mode = "all";
  private List<String> paths = new ArrayList<>();
  private String terragrunt = "terragrunt";

  @DataBoundConstructor
  public TgRollbackStep() {}

  public String getMode() {
    return mode;
  }

  /** {@code all} (the default), {@code selective} (with {@code paths}) or {@code none}. */
  @DataBoundSetter
  public void setMode(String mode) {
    this.mode = mode == null || mode.isBlank() ? "all" : mode.strip();
  }

  public List<String> getPaths() {
    return List.copyOf(paths);
  }

  /** The units to roll back ({@code selective}); the units that must roll back with them are added. */
  @DataBoundSetter
  public void setPaths(List<String> paths) {
    this.paths = paths == null ? new ArrayList<>() : new ArrayList<>(paths.stream().map(String::strip).toList());
  }

  public String getTerragrunt() {
    return terragrunt;
  }

  /** The terragrunt command on the agent (default {@code terragrunt} on its PATH), for {@code state pull}. */
  @DataBoundSetter
  public void setTerragrunt(String terragrunt) {
    this.terragrunt = terragrunt == null || terragrunt.isBlank() ? "terragrunt" : terragrunt.strip();
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context, mode, paths, terragrunt);
  }

  /** Pipeline metadata. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "tgRollback";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Plan the rollback of the build's Terragrunt deploy";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return UnitStep.context();
    }
  }

  /**
   * Computes the plan on the plugin's pool, never on the CPS VM thread. Its state is the arguments;
   * after a restart {@link #onResume} computes again, which returns the plan already recorded if any.
   */
  static final class Execution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final String mode;
    private final ArrayList<String> paths;
    private final String terragrunt;
    private transient volatile boolean stopped;

    Execution(StepContext context, String mode, List<String> paths, String terragrunt) {
      super(context);
      this.mode = mode;
      this.paths = new ArrayList<>(paths);
      this.terragrunt = terragrunt;
    }

    @Override
    public boolean start() {
      BuildRuns.WORK.execute(this::compute);
      return false;
    }

    @Override
    public void onResume() {
      BuildRuns.WORK.execute(this::compute);
    }

    @Override
    public void stop(Throwable cause) {
      stopped = true;
      getContext().onFailure(cause);
    }

    private void compute() {
      StepContext context = getContext();
      try {
        Map<String, Object> result = plan(context.get(Run.class), context.get(TaskListener.class),
            context.get(Launcher.class), context.get(FilePath.class), context.get(EnvVars.class));
        if (!stopped) {
          context.onSuccess(result);
        }
      } catch (RollbackException e) {
        context.onFailure(new AbortException("tgRollback: " + e.getMessage()));
      } catch (Exception e) {
        if (!stopped) {
          context.onFailure(e);
        }
      }
    }

    private Map<String, Object> plan(Run<?, ?> build, TaskListener listener, Launcher launcher, FilePath workspace,
        EnvVars environment) throws Exception {
      StepwiseRun deploy = BuildRuns.of(build);
      if (deploy == null) {
        throw new AbortException("tgRollback: this build has no deploy run: call terragruntStack first");
      }
      RollbackMode chosen = RollbackMode.parse(mode);
      RunHeader header = deploy.header();
      Path runDirectory = BuildRuns.directory(build).toPath();
      Map<String, String> env = Map.copyOf(environment);
      JenkinsAgentRunner runner = new JenkinsAgentRunner(launcher, workspace, listener, env,
          UUID.randomUUID().toString(), new Secrets());
      CommandSettings settings = CommandSettings.DEFAULT.withTerragrunt(List.of(terragrunt));
      AgentWorkspace files = new AgentWorkspace(workspace, header.repo());
      UnitLogs logs = new UnitLogs(RollbackRun.directory(runDirectory).resolve("facts"));
      StateReader states = unit -> {
        TerragruntCommands commands = new TerragruntCommands(settings,
            deploy.dialect(runner, settings, env, Path.of(header.repo())), env);
        return new TerragruntStates(header.headCommit(), files, runner, path -> commands, logs).pull(unit);
      };
      RollbackPlan plan = StepwiseRollback.prepare(deploy, runDirectory, chosen, paths,
          new AgentCommitFiles(workspace.child(header.repo())), states, "tgRollback: the deploy stopped for a rollback");
      plan.lines().forEach(line -> listener.getLogger().println("tgRollback: " + line));
      if (!plan.isEmpty()) {
        BuildRuns.startRollback(build, header, plan);
      }
      return RollbackResults.plan(plan);
    }
  }
}
