package io.jenkins.plugins.tglive;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.policy.RunnerSettings;
import io.tglive.run.state.RunUnit;
import io.tglive.run.stepwise.StepwiseRun;
import java.util.Objects;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters {@code tgPlanPath} and {@code tgApplyPath} share: the unit (or, with {@code rollback: true},
 * the step of the build's rollback), the terragrunt command, the runner and the AWS credentials id.
 */
abstract class UnitStep extends Step {

  private final String path;
  private String terragrunt = "terragrunt";
  private String runner;
  private String credentialsId;
  private boolean rollback;

  UnitStep(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path is required: a unit of the build's stack, as terragruntStack lists it");
    }
    this.path = path.strip();
  }

  public String getPath() {
    return path;
  }

  public String getTerragrunt() {
    return terragrunt;
  }

  /** The terragrunt command on the agent (default {@code terragrunt} on its PATH). */
  @DataBoundSetter
  public void setTerragrunt(String terragrunt) {
    this.terragrunt = terragrunt == null || terragrunt.isBlank() ? "terragrunt" : terragrunt.strip();
  }

  public String getRunner() {
    return runner;
  }

  /**
   * {@code agent} (the enclosing node) or {@code codebuild} (the account's CodeBuild project); unset:
   * the runner of the unit's account. Plan and apply a unit with the same runner: the plan file stays
   * where its runner put it.
   */
  @DataBoundSetter
  public void setRunner(String runner) {
    String value = runner == null || runner.isBlank() ? null : runner.strip();
    if (value != null && !value.equals(UnitRunners.AGENT) && !value.equals(RunnerSettings.CODEBUILD)) {
      throw new IllegalArgumentException("runner '" + value + "' is unknown: use '" + UnitRunners.AGENT
          + "' (the enclosing node's agent) or '" + RunnerSettings.CODEBUILD + "' (the account's CodeBuild project)");
    }
    this.runner = value;
  }

  public boolean isRollback() {
    return rollback;
  }

  /** Whether the path is a step of the build's rollback ({@code tgRollback}) rather than a unit of its deploy. */
  @DataBoundSetter
  public void setRollback(boolean rollback) {
    this.rollback = rollback;
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  /**
   * The id of Jenkins AWS credentials for this unit's commands, over the account's {@code credentialsId};
   * unset: the account's, or the AWS default chain.
   */
  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = credentialsId == null || credentialsId.isBlank() ? null : credentialsId.strip();
  }

  /**
   * The AWS credentials id of the unit's commands: the step's, else the one the global configuration
   * gives the unit's account (read when the step starts and kept by its execution); null for none.
   */
  String credentialsIdFor(StepContext context) throws Exception {
    if (credentialsId != null) {
      return credentialsId;
    }
    StepwiseRun run = rollback ? BuildRuns.rollbackOf(context.get(Run.class)) : BuildRuns.of(context.get(Run.class));
    String account = run == null ? null : run.header().units().stream().filter(u -> u.path().equals(path))
        .map(RunUnit::account).filter(Objects::nonNull).findFirst().orElse(null);
    if (account == null) {
      return null;
    }
    return TerragruntLiveConfiguration.get().getAccounts().stream().filter(a -> a.getName().equals(account))
        .map(AccountConfig::getCredentialsId).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** What the steps need: a workspace on a node and its launcher. */
  static Set<? extends Class<?>> context() {
    return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
  }
}
