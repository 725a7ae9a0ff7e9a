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
 * {@code tgApplyPath(path: …)}: applies exactly the unit's approved plan (the file {@code tgPlanPath}
 * wrote, checked by its digest); refuses a plan without an approving gate decision for its hash,
 * unless the unit's policy needs no approval. A unit already applied is not applied again.
 */
public final class TgApplyPathStep extends UnitStep {

  @DataBoundConstructor
  public TgApplyPathStep(String path) {
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
      return "tgApplyPath";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Apply the approved plan of a unit of the build's Terragrunt stack";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return context();
    }
  }

  /** Applies the unit on the pool. */
  static final class Execution extends UnitStepExecution {

    private static final long serialVersionUID = 1L;

    Execution(StepContext context, UnitStep step, String credentialsId) {
      super(context, step, credentialsId);
    }

    @Override
    String name() {
      return "tgApplyPath";
    }

    @Override
    String activity() {
      return "applying";
    }

    @Override
    boolean waitsForDependencies() {
      return false;
    }

    @Override
    UnitOutcome step(StepwiseRun run, UnitWork work) throws InterruptedException {
      return run.apply(path, work);
    }

    @Override
    boolean succeeded(UnitOutcome outcome) {
      return outcome.status().succeeded();
    }

    @Override
    Map<String, Object> result(StepwiseRun run, UnitOutcome outcome) {
      return UnitResults.apply(outcome, run.record(path));
    }
  }
}
