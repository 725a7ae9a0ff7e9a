package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.tglive.run.stepwise.StepwiseRun;
import io.tglive.run.stepwise.UnitOutcome;
import io.tglive.run.stepwise.UnitWork;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code tgPlanPath(path: …)}: waits until the unit's dependencies in this build's run are applied
 * (or had no changes), plans it, records the plan and returns its summary; fails with
 * {@code blocked by <unit>} when one of them failed or was rejected.
 */
public final class TgPlanPathStep extends UnitStep {

  @DataBoundConstructor
  public TgPlanPathStep(String path) {
    super(path);
  }

  @Override
  public StepExecution start(StepContext context) throws Exception {
    return new Execution(context, this, credentialsIdFor(context));
  }

  /** Pipeline metadata. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "tgPlanPath";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Plan a unit of the build's Terragrunt stack once its dependencies are applied";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return context();
    }
  }

  /** Waits (holding no thread) for the unit's dependencies, then plans it on the pool. */
  static final class Execution extends UnitStepExecution {

    private static final long serialVersionUID = 1L;

    Execution(StepContext context, UnitStep step, String credentialsId) {
      super(context, step, credentialsId);
    }

    @Override
    String name() {
      return "tgPlanPath";
    }

    @Override
    String activity() {
      return "planning";
    }

    @Override
    boolean waitsForDependencies() {
      return true;
    }

    @Override
    UnitOutcome step(StepwiseRun run, UnitWork work) throws InterruptedException {
      return run.plan(path, work);
    }

    @Override
    boolean succeeded(UnitOutcome outcome) {
      return outcome.succeeded();
    }

    @Override
    Map<String, Object> result(StepwiseRun run, UnitOutcome outcome) {
      return UnitResults.plan(outcome);
    }
  }
}
