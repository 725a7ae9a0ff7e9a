package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.change.DiffMode;
import io.tglive.policy.AccountMapping;
import io.tglive.preview.render.PreviewJson;
import io.tglive.preview.render.PreviewFormat;
import io.tglive.preview.render.PreviewMarkdown;
import io.tglive.queue.QueuePosition;
import io.tglive.stack.CiStackRequest;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code tgPreview}: plans the pull request this build checked out, read-only (never applies), prints
 * the preview in the log, publishes it as a GitHub check (one per pull request: a fixed name, so a new
 * commit's preview replaces the last) and returns it as a map. A failed plan or an incomplete stack
 * fails the check, not the step: the map's {@code ok} says so.
 */
public final class TgPreviewStep extends Step {

  /** The check's name unless the step names another. */
  public static final String DEFAULT_CHECK_NAME = "Terragrunt preview";

  private String dir = ".";
  private String base;
  private String head;
  private int parallelism = 4;
  private String terragrunt = "terragrunt";
  private String checkName = DEFAULT_CHECK_NAME;
  private boolean publishCheck = true;

  @DataBoundConstructor
  public TgPreviewStep() {}

  public String getDir() {
    return dir;
  }

  /** The repository's directory, relative to the workspace. */
  @DataBoundSetter
  public void setDir(String dir) {
    this.dir = blank(dir) ? "." : dir.strip();
  }

  public String getBase() {
    return base;
  }

  /** The revision to compare with; by default the pull request's target ({@code CHANGE_TARGET}). */
  @DataBoundSetter
  public void setBase(String base) {
    this.base = blank(base) ? null : base.strip();
  }

  public String getHead() {
    return head;
  }

  /** The revision to preview; by default {@code HEAD}. */
  @DataBoundSetter
  public void setHead(String head) {
    this.head = blank(head) ? null : head.strip();
  }

  public int getParallelism() {
    return parallelism;
  }

  /** Most plans at once, at least 1. */
  @DataBoundSetter
  public void setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    this.parallelism = parallelism;
  }

  public String getTerragrunt() {
    return terragrunt;
  }

  /** The terragrunt executable on the agent. */
  @DataBoundSetter
  public void setTerragrunt(String terragrunt) {
    this.terragrunt = blank(terragrunt) ? "terragrunt" : terragrunt.strip();
  }

  public String getCheckName() {
    return checkName;
  }

  /** The check's name; keep it fixed, so each new commit's preview replaces the last. */
  @DataBoundSetter
  public void setCheckName(String checkName) {
    this.checkName = blank(checkName) ? DEFAULT_CHECK_NAME : checkName.strip();
  }

  public boolean isPublishCheck() {
    return publishCheck;
  }

  /** Whether to publish the check (default true); the log and the returned map have the preview either way. */
  @DataBoundSetter
  public void setPublishCheck(boolean publishCheck) {
    this.publishCheck = publishCheck;
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(this, context);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Pipeline metadata. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "tgPreview";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Preview a Terragrunt pull request (read-only plans, GitHub check)";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }
  }

  /** Plans on the agent, then logs, publishes and returns the preview on the controller. */
  public static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient TgPreviewStep step;

    Execution(TgPreviewStep step, StepContext context) {
      super(context);
      this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
      Run<?, ?> run = getContext().get(Run.class);
      TaskListener listener = getContext().get(TaskListener.class);
      return preview(step, getContext(), () -> TerragruntLiveConfiguration.get().toAccountMapping(),
          check -> ChecksApiPublisher.publish(run, listener, check), QueuePositions::ofCommit);
    }

    /** Where a preview's check goes. */
    @FunctionalInterface
    interface CheckSink {
      void publish(PreviewCheck check);
    }

    /**
     * What {@link #run()} does, with the global accounts and the check publisher passed in. The
     * stack is the engine's {@link CiStackRequest} of the build (a pull request's base is its target).
     */
    static Map<String, Object> preview(TgPreviewStep step, StepContext context, Supplier<AccountMapping> configured,
        CheckSink checks) throws Exception {
      return preview(step, context, configured, checks, head -> null);
    }

    /**
     * As above, and where the previewed commit waits in a deploy queue ({@code queued}: head commit to
     * position, or null): shown before the preview in the log and the check, and returned as {@code queue}.
     */
    static Map<String, Object> preview(TgPreviewStep step, StepContext context, Supplier<AccountMapping> configured,
        CheckSink checks, Function<String, QueuePosition> queued) throws Exception {
      PrintStream log = context.get(TaskListener.class).getLogger();
      EnvVars environment = context.get(EnvVars.class);
      PullRequest pullRequest = PullRequest.of(environment);
      AccountMapping accounts;
      try {
        accounts = configured.get();
      } catch (IllegalArgumentException e) {
        throw new AbortException("tgPreview: the global configuration (Manage Jenkins): " + e.getMessage());
      }
      String what = pullRequest == null ? "this build's change" : pullRequest.describe();
      if (step.publishCheck) {
        checks.publish(PreviewCheck.inProgress(step.checkName, what));
      }
      CiStackRequest request = new CiStackRequest(step.base, step.head, null, environment, DiffMode.MERGE_BASE, true,
          false, null, false, accounts);
      TgPreviewCallable.Outcome outcome = context.get(FilePath.class).child(step.dir)
          .act(new TgPreviewCallable(request, new HashMap<>(environment), step.terragrunt, step.parallelism));
      if (outcome.error() != null) {
        if (step.publishCheck) {
          checks.publish(new PreviewCheck(step.checkName, true, false, "No preview: the change cannot be planned",
              "tgPreview: " + outcome.error()));
        }
        throw new AbortException("tgPreview: " + outcome.error());
      }
      Map<String, Object> result = PreviewJson.read(outcome.json());
      QueuePosition position = queued.apply(String.valueOf(result.get("head")));
      log.println("tgPreview: " + what + ": " + outcome.revisions());
      if (position != null) {
        log.println("tgPreview: deploy queue " + position.queue() + ": " + position.text());
      }
      log.print(outcome.text());
      log.println("tgPreview: worktrees, plans and unit logs in " + outcome.directory() + " on the agent");
      if (step.publishCheck) {
        checks.publish(new PreviewCheck(step.checkName, true, outcome.ok(), outcome.headline(),
            (pullRequest == null ? "" : PreviewMarkdown.inline(pullRequest.describe()) + "\n\n")
                + (position == null ? "" : PreviewFormat.markdownLine(position)) + outcome.markdown()));
      }
      result.put("pullRequest", pullRequest == null ? null : pullRequest.toMap());
      result.put("queue", position == null ? null : position.toMap());
      return result;
    }
  }
}
