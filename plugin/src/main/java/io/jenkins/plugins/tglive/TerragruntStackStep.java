package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.tglive.change.DiffMode;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.SettingsException;
import io.tglive.queue.QueueException;
import io.tglive.run.choice.BaseAccounts;
import io.tglive.run.choice.RunnerChoice;
import io.tglive.run.state.RunHeader;
import io.tglive.run.stepwise.StepwiseRun;
import io.tglive.stack.CiStackRequest;
import io.tglive.stack.StackMaps;
import io.tglive.stack.StackResult;
import io.tglive.stack.render.StackJsonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code terragruntStack}: the deploy stack of the change this build checked out, as a list of maps
 * in deploy order; also printed to the log and kept on the run as a {@link TerragruntStackAction}.
 */
public final class TerragruntStackStep extends Step {

  private String dir = ".";
  private String base;
  private String head;
  private String diff = DiffMode.MERGE_BASE.label();
  private boolean includeDependencies;
  private boolean noDependents;
  private boolean rootConfigIsUnit;
  private List<String> changedFiles;

  @DataBoundConstructor
  public TerragruntStackStep() {}

  public String getDir() {
    return dir;
  }

  /**
   * The repository's directory, relative to the workspace; {@code ./infra/} and {@code infra} are
   * the same directory (and record their stack under the same name).
   */
  @DataBoundSetter
  public void setDir(String dir) {
    String normalized = blank(dir) ? "" : dir.strip().replace('\\', '/');
    while (normalized.startsWith("./")) {
      normalized = normalized.substring(2);
    }
    while (normalized.length() > 1 && normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    this.dir = normalized.isEmpty() ? "." : normalized;
  }

  public String getBase() {
    return base;
  }

  @DataBoundSetter
  public void setBase(String base) {
    this.base = blank(base) ? null : base.strip();
  }

  public String getHead() {
    return head;
  }

  @DataBoundSetter
  public void setHead(String head) {
    this.head = blank(head) ? null : head.strip();
  }

  public String getDiff() {
    return diff;
  }

  /** {@code merge-base} or {@code tree}; anything else is rejected. */
  @DataBoundSetter
  public void setDiff(String diff) {
    this.diff = blank(diff) ? DiffMode.MERGE_BASE.label() : DiffMode.fromLabel(diff.strip()).label();
  }

  public boolean isIncludeDependencies() {
    return includeDependencies;
  }

  @DataBoundSetter
  public void setIncludeDependencies(boolean includeDependencies) {
    this.includeDependencies = includeDependencies;
  }

  public boolean isNoDependents() {
    return noDependents;
  }

  /** Deploy only the units the change selects, not their dependents (as {@code tglive stack --no-dependents}). */
  @DataBoundSetter
  public void setNoDependents(boolean noDependents) {
    this.noDependents = noDependents;
  }

  public boolean isRootConfigIsUnit() {
    return rootConfigIsUnit;
  }

  /** Treat an included {@code terragrunt.hcl} without terraform source as a unit (as {@code --root-config-is-unit}). */
  @DataBoundSetter
  public void setRootConfigIsUnit(boolean rootConfigIsUnit) {
    this.rootConfigIsUnit = rootConfigIsUnit;
  }

  public List<String> getChangedFiles() {
    return changedFiles;
  }

  /**
   * Repository-relative files to map instead of diffing the commits. The form's text area arrives
   * as one entry of several lines, kept here one line per entry; the engine normalises the list
   * ({@code ChangedFileList}: {@code ./}, blanks, CRLF, absolute paths refused) exactly as it does
   * for {@code tglive stack --changed-files}. A list of blank entries only, such as an empty text
   * area, leaves the files unset, while an empty list means no file changed.
   */
  @DataBoundSetter
  public void setChangedFiles(List<String> changedFiles) {
    boolean unset = changedFiles == null
        || (!changedFiles.isEmpty() && changedFiles.stream().allMatch(TerragruntStackStep::blank));
    this.changedFiles = unset ? null : changedFiles.stream()
        .filter(entry -> !blank(entry))
        .flatMap(String::lines)
        .filter(line -> !line.isBlank())
        .toList();
  }

  /** The changed files one per line, as the form's text area shows them. */
  public String getChangedFilesText() {
    return changedFiles == null ? "" : String.join("\n", changedFiles);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new Execution(this, context);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Pipeline metadata and the snippet generator's validation. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {

    @Override
    public String getFunctionName() {
      return "terragruntStack";
    }

    @NonNull
    @Override
    public String getDisplayName() {
      return "Deploy stack of a Terragrunt live repository change";
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
    }

    public FormValidation doCheckDiff(@QueryParameter String value) {
      try {
        DiffMode.fromLabel(value.strip());
        return FormValidation.ok();
      } catch (IllegalArgumentException e) {
        return FormValidation.error(e.getMessage());
      }
    }
  }

  /** Runs the computation on the agent, then logs, records and returns its result on the controller. */
  public static final class Execution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {

    private static final long serialVersionUID = 1L;

    private final transient TerragruntStackStep step;

    Execution(TerragruntStackStep step, StepContext context) {
      super(context);
      this.step = step;
    }

    @Override
    protected List<Map<String, Object>> run() throws Exception {
      return stack(step, getContext(), () -> TerragruntLiveConfiguration.get().toAccountMapping());
    }

    /**
     * What {@link #run()} does, with the context and the global configuration's accounts passed in
     * (read when the step runs: a stored mapping that is invalid fails the step with the engine's message).
     * The engine's {@link CiStackRequest} decides: when there are global accounts, they replace those
     * of {@code .tglive.yaml}. The stack is recorded per repository directory, so two calls for two
     * directories keep both, and each directory's next build starts from its own previous head.
     */
    static List<Map<String, Object>> stack(TerragruntStackStep step, StepContext context,
        Supplier<AccountMapping> configured) throws Exception {
      Run<?, ?> run = context.get(Run.class);
      PrintStream log = context.get(TaskListener.class).getLogger();
      EnvVars environment = context.get(EnvVars.class);
      AccountMapping accounts;
      try {
        accounts = configured.get();
      } catch (IllegalArgumentException e) {
        throw new AbortException("terragruntStack: the global configuration (Manage Jenkins): " + e.getMessage());
      }
      CiStackRequest request = new CiStackRequest(step.base, step.head, previousHead(run, step.dir), environment,
          DiffMode.fromLabel(step.diff), !step.noDependents, step.includeDependencies, step.changedFiles,
          step.rootConfigIsUnit, accounts);
      TerragruntStackCallable.Outcome outcome =
          context.get(FilePath.class).child(step.dir).act(new TerragruntStackCallable(request));
      if (outcome.status() == TerragruntStackCallable.Outcome.ERROR) {
        throw new AbortException("terragruntStack: " + outcome.error());
      }
      log.println("terragruntStack: " + outcome.revisions());
      log.println("terragruntStack: accounts and voters from " + outcome.accounts());
      log.print(outcome.text());
      outcome.warnings().forEach(warning -> log.println("terragruntStack: warning: " + warning));
      if (outcome.status() == TerragruntStackCallable.Outcome.INCOMPLETE) {
        log.println("terragruntStack: warning: the stack may be incomplete: " + outcome.unresolved()
            + " reason(s) listed above");
      }
      for (TerragruntStackAction recorded : run.getActions(TerragruntStackAction.class)) {
        if (recorded.getDir().equals(step.dir)) {
          run.removeAction(recorded);
        }
      }
      run.addAction(new TerragruntStackAction(step.dir, outcome.base(), outcome.head(), outcome.json()));
      StackResult result = StackJsonReader.read(outcome.json());
      createRun(run, outcome, result, accounts, log);
      return StackMaps.units(result);
    }

    /**
     * Starts the build's deploy run (the units {@code tgPlanPath} and {@code tgApplyPath} deploy) from
     * the first complete stack of the build. An incomplete stack starts none, as {@code tglive run}
     * deploys none: it could skip units.
     */
    private static void createRun(Run<?, ?> run, TerragruntStackCallable.Outcome outcome, StackResult result,
        AccountMapping global, PrintStream log) throws IOException {
      if (BuildRuns.exists(run)) {
        log.println("terragruntStack: this build's deploy run was started by an earlier call; tgPlanPath and"
            + " tgApplyPath deploy its units");
        return;
      }
      if (outcome.status() != TerragruntStackCallable.Outcome.COMPLETE) {
        log.println("terragruntStack: no deploy run: the stack may be incomplete, so tgPlanPath and tgApplyPath"
            + " would deploy part of a change");
        return;
      }
      RunHeader header = RunHeader.of(run.getExternalizableId(), outcome.repo(), outcome.base(), outcome.head(), result);
      StepwiseRun created = BuildRuns.create(run, header.withRunners(RunnerChoice.choose(runnerAccounts(outcome,
          global), header.units(), null)));
      run.addAction(new TerragruntRunAction());
      log.println("terragruntStack: deploy run started: " + result.stack().units().size()
          + " unit(s) for tgPlanPath and tgApplyPath; report and logs on the build's Terragrunt deploy page");
      QueueBuildAction queued = run.getAction(QueueBuildAction.class);
      if (queued != null) {
        try {
          QueueDispatch.jenkins().runStarted(queued.build(), created, log::println);
        } catch (QueueException e) {
          log.println("terragruntStack: cannot read the deploy queue " + queued.build().queue() + ": " + e.getMessage());
        }
      }
    }

    /**
     * The accounts whose runner settings the run records (each account's runner, roles, CodeBuild
     * project and commands): the global configuration's, or those of the {@code .tglive.yaml} the stack
     * was computed with.
     */
    private static AccountMapping runnerAccounts(TerragruntStackCallable.Outcome outcome, AccountMapping global)
        throws AbortException {
      if (outcome.settingsRevision() == null) {
        return global;
      }
      if (outcome.settings() == null) {
        return AccountMapping.EMPTY;
      }
      try {
        return BaseAccounts.parse(outcome.settingsRevision(), outcome.settings());
      } catch (SettingsException e) {
        throw new AbortException("terragruntStack: " + e.getMessage());
      }
    }

    /** The head the previous successful build recorded for this repository directory, or null. */
    private static String previousHead(Run<?, ?> run, String dir) {
      Run<?, ?> previous = run.getPreviousSuccessfulBuild();
      if (previous == null) {
        return null;
      }
      return previous.getActions(TerragruntStackAction.class).stream()
          .filter(action -> action.getDir().equals(dir))
          .map(TerragruntStackAction::getHead)
          .findFirst()
          .orElse(null);
    }
  }
}
