package io.jenkins.plugins.tglive;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.rollback.RollbackPreview;
import io.tglive.policy.RunnerSettings;
import io.tglive.run.RunnerException;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.Secrets;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import io.tglive.run.stepwise.DependencyState;
import io.tglive.run.stepwise.StepwiseRun;
import io.tglive.run.stepwise.UnitOutcome;
import io.tglive.run.stepwise.UnitWork;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A unit step of the build's deploy run ({@code tgPlanPath}, {@code tgApplyPath}): a general,
 * restart-safe execution that holds no thread while it waits. {@link #start} registers a callback
 * for the unit's dependencies (or goes straight to work) and returns; terragrunt runs on the
 * plugin's pool ({@link BuildRuns#WORK}), never on the CPS VM thread, on the runner the engine
 * chooses for the unit's account ({@link UnitRunners}: the agent or CodeBuild). Its state is the
 * unit's path, the terragrunt command, the runner override, the AWS credentials id and the cookie
 * of its commands; the run itself is in the build's journal. After a restart {@link #onResume}
 * stops what the previous controller left (agent processes by cookie, CodeBuild builds by the run id
 * the cookie is part of) and starts again: the engine's resume rules decide what that means (a unit
 * caught mid-plan is planned again; one caught mid-apply is planned again, no changes meaning applied).
 */
abstract class UnitStepExecution extends StepExecution {

  private static final long serialVersionUID = 1L;

  /** The unit's repository path. */
  final String path;
  private final String terragrunt;
  /** Whether the path is a step of the build's rollback. */
  private final boolean rollback;
  /** The step's runner override: {@code agent}, {@code codebuild}, or null for the account's runner. */
  private final String runner;
  /** The Jenkins AWS credentials id of the unit's commands, or null for the AWS default chain. */
  private final String credentialsId;
  /**
   * The {@value JenkinsAgentRunner#COOKIE} of the commands started last (and part of their CodeBuild run
   * id), kept to stop them after a restart.
   */
  private volatile String cookie;
  private transient volatile Thread worker;
  private transient volatile Runnable withdraw;
  private transient volatile boolean stopped;
  private transient volatile String status;

  UnitStepExecution(StepContext context, UnitStep step, String credentialsId) {
    super(context);
    this.path = step.getPath();
    this.terragrunt = step.getTerragrunt();
    this.runner = step.getRunner();
    this.credentialsId = credentialsId;
    this.rollback = step.isRollback();
  }

  /** The step's function name, for messages. */
  abstract String name();

  /** The step's name in its log lines: {@code tgPlanPath (rollback)} for a step of the build's rollback. */
  private String label() {
    return rollback ? name() + " (rollback)" : name();
  }

  /** What the step is doing while terragrunt runs ({@code planning}, {@code applying}). */
  abstract String activity();

  /** Whether the step waits until the unit's dependencies are decided. */
  abstract boolean waitsForDependencies();

  /** Plans or applies the unit. */
  abstract UnitOutcome step(StepwiseRun run, UnitWork work) throws InterruptedException;

  /** Whether {@code outcome} completes the step normally. */
  abstract boolean succeeded(UnitOutcome outcome);

  /** The step's return value. */
  abstract Map<String, Object> result(StepwiseRun run, UnitOutcome outcome);

  @Override
  public boolean start() throws Exception {
    StepwiseRun run = run(getContext().get(Run.class));
    begin(run, false);
    return false;
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    stopped = true;
    Runnable registration = withdraw;
    if (registration != null) {
      registration.run();
    }
    Thread running = worker;
    if (running != null) {
      running.interrupt();
    }
    getContext().onFailure(cause);
  }

  @Override
  public void onResume() {
    BuildRuns.WORK.execute(() -> {
      try {
        begin(run(getContext().get(Run.class)), true);
      } catch (Exception e) {
        getContext().onFailure(e);
      } catch (Error e) {
        getContext().onFailure(e);
        throw e;
      }
    });
  }

  @Override
  public String getStatus() {
    String now = status;
    return now == null ? "starting" : now;
  }

  /** The build's deploy run (or its rollback); the unit must be one of it. */
  private StepwiseRun run(Run<?, ?> build) throws Exception {
    StepwiseRun run = rollback ? BuildRuns.rollbackOf(build) : BuildRuns.of(build);
    if (run == null) {
      throw new AbortException(name() + ": " + (rollback ? "this build has no rollback: call tgRollback first"
          : "this build has no deploy run: call terragruntStack first"));
    }
    try {
      run.record(path);
    } catch (IllegalArgumentException e) {
      throw new AbortException(name() + ": " + e.getMessage());
    }
    return run;
  }

  private void begin(StepwiseRun run, boolean resumed) throws Exception {
    if (!waitsForDependencies()) {
      BuildRuns.WORK.execute(() -> work(run, resumed));
      return;
    }
    DependencyState now = run.dependencies(path);
    if (!now.decided()) {
      status = "waiting for " + String.join(", ", now.waitingFor());
      getContext().get(TaskListener.class).getLogger().println(label() + ": " + path + " waits for "
          + String.join(", ", now.waitingFor()));
    }
    withdraw = run.whenDecided(path, decided -> work(run, resumed));
  }

  private void work(StepwiseRun run, boolean resumed) {
    if (stopped) {
      return;
    }
    worker = Thread.currentThread();
    StepContext context = getContext();
    try {
      TaskListener listener = context.get(TaskListener.class);
      Launcher launcher = context.get(Launcher.class);
      FilePath workspace = context.get(FilePath.class);
      EnvVars environment = context.get(EnvVars.class);
      Run<?, ?> build = context.get(Run.class);
      RunHeader header = run.header();
      RunUnit unit = header.units().stream().filter(u -> u.path().equals(path)).findFirst().orElseThrow();
      RunnerSettings settings;
      try {
        settings = UnitRunners.choose(header, unit, runner);
      } catch (IllegalArgumentException e) {
        throw new AbortException(name() + ": " + path + ": " + e.getMessage());
      }
      if (credentialsId != null && unit.account() == null) {
        throw new AbortException(name() + ": " + path + ": credentialsId '" + credentialsId + "' applies to the units"
            + " of an account, and " + path + " belongs to none (it runs with the build's own environment)");
      }
      CredentialsSource credentials = AwsCredentialsLookup.source(credentialsId, build, name());
      Secrets secrets = new Secrets();
      if (resumed && cookie != null) {
        stopLeftovers(header, unit, settings, launcher, workspace, listener, credentials, secrets);
      }
      cookie = UUID.randomUUID().toString();
      context.saveState();
      status = activity();
      if (!rollback) {
        preview(run, build, workspace, listener);
      }
      UnitOutcome outcome;
      try (UnitRunners runners = runners(header, unit, settings, launcher, workspace, listener, environment,
          credentials, secrets)) {
        outcome = step(run, work(run, build, unit, settings, runners, workspace));
      }
      if (succeeded(outcome)) {
        listener.getLogger().println(label() + ": " + path + ": " + UnitResults.label(outcome.status())
            + (outcome.plan() == null ? "" : " (" + outcome.plan().counts() + ", plan "
                + outcome.plan().hash().substring(0, 12) + ")"));
        context.onSuccess(result(run, outcome));
      } else {
        String message = label() + ": " + path + ": " + (outcome.message() == null
            ? UnitResults.label(outcome.status()) : secrets.redact(outcome.message()));
        listener.getLogger().println(message);
        context.onFailure(new AbortException(message));
      }
    } catch (InterruptedException e) {
      if (!stopped) {
        context.onFailure(e);
      }
    } catch (Exception e) {
      context.onFailure(e);
    } finally {
      worker = null;
    }
  }

  /**
   * Writes the rollback preview of the build's run (what {@code tgRollback(mode: 'all')} would do) when
   * its first unit is planned, before any gate opens, for the gates page; a failure is only logged.
   */
  private void preview(StepwiseRun run, Run<?, ?> build, FilePath workspace, TaskListener listener)
      throws InterruptedException {
    Path directory = BuildRuns.directory(build).toPath();
    if (RollbackPreview.exists(directory)) {
      return;
    }
    try {
      RollbackPreview.write(directory, new AgentCommitFiles(workspace.child(run.header().repo())));
    } catch (java.io.IOException | RuntimeException e) {
      listener.getLogger().println(name() + ": warning: the rollback preview could not be computed: " + e.getMessage());
    }
  }

  /** The unit's runner for the commands marked with the current {@link #cookie}. */
  private UnitRunners runners(RunHeader header, RunUnit unit, RunnerSettings settings, Launcher launcher,
      FilePath workspace, TaskListener listener, EnvVars environment, CredentialsSource credentials, Secrets secrets) {
    JenkinsAgentRunner agent = new JenkinsAgentRunner(launcher, workspace, listener, Map.copyOf(environment), cookie,
        secrets);
    return UnitRunners.create(header, unit, settings, cookie, agent, credentials, secrets);
  }

  /**
   * After a restart: stops what the commands of the previous cookie left running, on the agent (by the
   * cookie in their environment) and on CodeBuild (by the run id the cookie is part of).
   */
  private void stopLeftovers(RunHeader header, RunUnit unit, RunnerSettings settings, Launcher launcher,
      FilePath workspace, TaskListener listener, CredentialsSource credentials, Secrets secrets)
      throws IOException, InterruptedException {
    JenkinsAgentRunner.stopLeftovers(launcher, cookie);
    listener.getLogger().println(name() + ": " + path + ": stopped any process the restarted controller left");
    if (!RunnerSettings.CODEBUILD.equals(settings.runner())) {
      return;
    }
    try (UnitRunners previous = runners(header, unit, settings, launcher, workspace, listener, new EnvVars(),
        credentials, secrets)) {
      List<String> builds = previous.stopLeftoverBuilds(line -> listener.getLogger().println(secrets.redact(line)));
      listener.getLogger().println(name() + ": " + path + ": " + (builds.isEmpty()
          ? "no CodeBuild build of the interrupted step was still running"
          : "stopped the CodeBuild build(s) the interrupted step left running: " + String.join(", ", builds)));
    } catch (RunnerException e) {
      listener.getLogger().println(name() + ": " + path + ": could not look for CodeBuild builds the interrupted step"
          + " left running (their CodeBuild timeout ends them): " + secrets.redact(e.getMessage()));
    }
  }

  private UnitWork work(StepwiseRun run, Run<?, ?> build, RunUnit unit, RunnerSettings settings,
      UnitRunners runners, FilePath workspace) throws Exception {
    RunHeader header = run.header();
    CommandSettings commandSettings = CommandSettings.DEFAULT.withTerragrunt(List.of(terragrunt))
        .forAccount(settings.commands());
    // The build's environment reaches agent commands through the agent runner, never CodeBuild builds.
    TerragruntCommands commands = new TerragruntCommands(commandSettings,
        run.dialect(runners.runner(), commandSettings, Map.of(), Path.of(header.repo())), Map.of());
    AgentWorkspace files = new AgentWorkspace(workspace, header.repo());
    if (runners.codeBuild()) {
      Path plans = BuildRuns.directory(build).toPath().resolve(rollback ? "rollback/plans" : "plans");
      return new UnitWork(runners.runner(), new ControllerPlanFiles(files), files, commands,
          plans.resolve(UnitLogs.fileName(unit.path()) + ".tfplan").toAbsolutePath());
    }
    return new UnitWork(runners.runner(), files, files, commands,
        files.planFile(build.getNumber(), rollback ? BuildRuns.ROLLBACK_PLANS + path : path));
  }
}
