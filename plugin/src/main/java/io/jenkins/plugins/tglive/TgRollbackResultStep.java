package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.report.html.RunReport;
import io.tglive.rollback.RollbackResult;
import io.tglive.rollback.RollbackRun;
import io.tglive.rollback.StepwiseRollback;
import io.tglive.run.stepwise.StepwiseRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code tgRollbackResult()}: after the rollback's branches, ends the build's rollback (steps that did
 * not finish are recorded as cancelled) and returns what was rolled back and exactly what is left to
 * fix; writes the rollback's report. Without a rollback: outcome {@code none}.
 */
public final class TgRollbackResultStep extends Step {

  @DataBoundConstructor
  public TgRollbackResultStep() {}

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(context);
  }

  /** Pipeline metadata. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "tgRollbackResult";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "What the build's Terragrunt rollback rolled back, and what is left";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }
  }

  /** Reads and ends the rollback's record at once (a few file reads on the controller). */
  static final class Execution extends StepExecution {

    private static final long serialVersionUID = 1L;

    Execution(StepContext context) {
      super(context);
    }

    @Override
    public boolean start() throws Exception {
      Run<?, ?> build = getContext().get(Run.class);
      TaskListener listener = getContext().get(TaskListener.class);
      StepwiseRun rollback = BuildRuns.rollbackOf(build);
      Map<String, Object> result;
      List<String> lines;
      if (rollback == null) {
        result = RollbackResults.none();
        lines = List.of("no rollback ran in this build");
      } else {
        Path runDirectory = BuildRuns.directory(build).toPath();
        RollbackResult done = StepwiseRollback.finish(runDirectory, rollback,
            "tgRollbackResult: the rollback ended before this step ran");
        RunReport.write(RollbackRun.directory(runDirectory));
        result = RollbackResults.result(done);
        lines = done.lines();
      }
      lines.forEach(line -> listener.getLogger().println("tgRollbackResult: " + line));
      getContext().onSuccess(result);
      return true;
    }
  }
}
