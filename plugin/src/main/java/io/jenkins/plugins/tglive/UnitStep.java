package io.jenkins.plugins.tglive;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The parameters {@code tgPlanPath} and {@code tgApplyPath} share: the unit (or, with {@code rollback: true},
 * the step of the build's rollback), the terragrunt command, the runner.
 */
abstract class UnitStep extends Step {

  /** The runner of both steps today: the agent of the enclosing {@code node}. */
  static final String AGENT = "agent";

  private final String path;
  private String terragrunt = "terragrunt";
  private String runner = AGENT;
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

  /** {@code agent} (the default): the node of the enclosing {@code node} block. */
  @DataBoundSetter
  public void setRunner(String runner) {
    String value = runner == null || runner.isBlank() ? AGENT : runner.strip();
    if (!value.equals(AGENT)) {
      throw new IllegalArgumentException("runner '" + value + "' is not available to the Jenkins steps; use '"
          + AGENT + "' (the enclosing node's agent)");
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

  /** What the steps need: a workspace on a node and its launcher. */
  static Set<? extends Class<?>> context() {
    return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
  }
}
