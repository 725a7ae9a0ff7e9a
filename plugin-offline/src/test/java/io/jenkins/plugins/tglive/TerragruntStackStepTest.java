package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.tglive.policy.Account;
import io.tglive.policy.AccountMapping;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunState;
import io.tglive.run.state.RunUnit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;

class TerragruntStackStepTest {

  @TempDir Path dir;

  private LiveRepoFixture repo;
  private final StepContext context = mock(StepContext.class);
  private final Run<?, ?> run = runWithActions();
  // EnvVars' constructor needs Jenkins; its map behaviour is TreeMap's.
  private final EnvVars env = mock(EnvVars.class, CALLS_REAL_METHODS);
  private final FilePath workspace = mock(FilePath.class);
  private final FilePath checkout = mock(FilePath.class);
  private final FilePath secondCheckout = mock(FilePath.class);
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void context() throws Exception {
    repo = new LiveRepoFixture(dir.resolve("infra"));
    TaskListener listener = mock(TaskListener.class);
    when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    when(context.get(Run.class)).thenAnswer(invocation -> run);
    when(run.getRootDir()).thenReturn(dir.resolve("build").toFile());
    when(run.getExternalizableId()).thenReturn("infra-job#7");
    when(context.get(TaskListener.class)).thenReturn(listener);
    when(context.get(FilePath.class)).thenReturn(workspace);
    when(context.get(EnvVars.class)).thenReturn(env);
    when(workspace.child("infra")).thenReturn(checkout);
    // As on an agent: the callable and its outcome cross the channel serialized.
    when(checkout.act(any())).thenAnswer(invocation -> {
      TerragruntStackCallable callable = TerragruntStackCallableTest.overTheWire(invocation.getArgument(0));
      return TerragruntStackCallableTest.overTheWire(callable.invoke(dir.resolve("infra").toFile(), null));
    });
  }

  @AfterEach
  void close() throws Exception {
    BuildRuns.end(run, "the test ended");
    repo.close();
  }

  private TerragruntStackStep step() {
    TerragruntStackStep step = new TerragruntStackStep();
    step.setDir("infra");
    return step;
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  /**
   * A run that keeps its actions as Jenkins' {@code Actionable} does (a list: add appends, remove
   * removes that action, getActions filters by type); Run's constructor needs a running Jenkins.
   */
  @SuppressWarnings("unchecked")
  private static Run<?, ?> runWithActions() {
    Run<?, ?> run = mock(Run.class);
    List<Action> actions = new ArrayList<>();
    doAnswer(invocation -> actions.add(invocation.getArgument(0))).when(run).addAction(any());
    when(run.removeAction(any())).thenAnswer(invocation -> actions.remove((Action) invocation.getArgument(0)));
    when(run.getActions(any())).thenAnswer(invocation -> {
      Class<?> type = invocation.getArgument(0);
      return actions.stream().filter(type::isInstance).toList();
    });
    return run;
  }

  private TerragruntStackAction storedAction() {
    assertThat(run.getActions(TerragruntStackAction.class)).hasSize(1);
    return run.getActions(TerragruntStackAction.class).get(0);
  }

  /**
   * The message the step aborts with. AbortException's stub constructor throws, so its construction
   * is intercepted and the message Jenkins would show is captured.
   */
  private static String abortMessage(ThrowingCallable step) {
    List<String> messages = new ArrayList<>();
    try (MockedConstruction<AbortException> aborts = mockConstruction(AbortException.class,
        (abort, construction) -> messages.add((String) construction.arguments().get(0)))) {
      assertThatThrownBy(step).isInstanceOf(AbortException.class);
    }
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private List<Map<String, Object>> stack(TerragruntStackStep step) throws Exception {
    return TerragruntStackStep.Execution.stack(step, context, () -> AccountMapping.EMPTY);
  }

  @Test
  void pullRequestComparesWithItsTargetBranchFromOrigin() throws Exception {
    repo.remoteBranch("main", repo.main);
    env.put("CHANGE_ID", "42");
    env.put("CHANGE_TARGET", "main");

    List<Map<String, Object>> units = stack(step());

    assertThat(units).extracting(unit -> unit.get("path")).containsExactly("live/vpc", "live/app");
    assertThat(log()).contains("terragruntStack: base origin/main (target branch of change 42, CHANGE_TARGET),"
        + " head HEAD (the checked-out commit)\n");
  }

  @Test
  void accountsOfTheGlobalConfigurationReplaceThoseOfTheRepository() throws Exception {
    AccountMapping configured = new AccountMapping(List.of(
        new Account("everything", "", List.of("bob", "carol"), 2, 1, List.of(), null)));

    List<Map<String, Object>> units = TerragruntStackStep.Execution.stack(step(), context, () -> configured);

    assertThat(units).isNotEmpty().allSatisfy(unit -> {
      assertThat(unit.get("account")).isEqualTo("everything");
      assertThat(unit.get("policy")).isEqualTo(
          Map.of("voters", List.of("bob", "carol"), "approvalsRequired", 2, "rejectionsRequired", 1));
    });
    assertThat(log()).contains("terragruntStack: accounts and voters from the global configuration\n");
  }

  @Test
  void withoutGlobalAccountsTheRepositorysSettingsFileGoverns() throws Exception {
    stack(step());

    assertThat(log()).contains(
        "terragruntStack: accounts and voters from .tglive.yaml of the base revision (the target branch's tip)\n");
  }

  @Test
  void branchBuildComparesWithTheHeadThePreviousSuccessfulBuildRecordedForTheSameDirectory() throws Exception {
    Run<?, ?> previous = runWithActions();
    when(run.getPreviousSuccessfulBuild()).thenAnswer(invocation -> previous);
    previous.addAction(new TerragruntStackAction("other", repo.main.name(), repo.main.name(), "{}"));
    previous.addAction(new TerragruntStackAction("infra", repo.main.name(), repo.feature.name(), "{}"));

    List<Map<String, Object>> units = stack(step());

    assertThat(units).isEmpty();
    assertThat(log()).contains("terragruntStack: base " + repo.feature.name() + " (head of the previous successful build)")
        .contains("0 units in 0 waves");
  }

  @Test
  void aPreviousHeadTheCloneLacksFailsTheStepInsteadOfFallingBackToTheFirstParent() throws Exception {
    Run<?, ?> previous = runWithActions();
    when(run.getPreviousSuccessfulBuild()).thenAnswer(invocation -> previous);
    String forcePushedAway = "0123456789012345678901234567890123456789";
    previous.addAction(new TerragruntStackAction("infra", repo.main.name(), forcePushedAway, "{}"));

    assertThat(abortMessage(() -> stack(step())))
        .isEqualTo("terragruntStack: no base revision found in this clone; tried " + forcePushedAway
            + " (head of the previous successful build); fetch more history (a shallow clone lacks older commits"
            + " and other branches, a force-push drops the previous head: git fetch --unshallow) or pass base");
    assertThat(run.getActions(TerragruntStackAction.class)).isEmpty();
  }

  @Test
  void twoCallsForTwoDirectoriesKeepBothStacksAndARepeatedCallReplacesItsOwn() throws Exception {
    LiveRepoFixture second = new LiveRepoFixture(dir.resolve("second"));
    when(workspace.child("second")).thenReturn(secondCheckout);
    when(secondCheckout.act(any())).thenAnswer(invocation -> TerragruntStackCallableTest.overTheWire(
        TerragruntStackCallableTest.overTheWire((TerragruntStackCallable) invocation.getArgument(0))
            .invoke(dir.resolve("second").toFile(), null)));
    TerragruntStackStep other = new TerragruntStackStep();
    other.setDir("second");
    other.setBase("main");
    TerragruntStackStep first = step();
    first.setBase("main");

    try (second) {
      stack(first);
      stack(other);
      stack(first);
    }

    assertThat(run.getActions(TerragruntStackAction.class))
        .extracting(TerragruntStackAction::getDir, TerragruntStackAction::getUrlName)
        .containsExactlyInAnyOrder(tuple("second", "terragrunt-stack-second"), tuple("infra", "terragrunt-stack-infra"));
  }

  @Test
  void branchBuildWithoutAPreviousStackComparesWithTheFirstParent() throws Exception {
    List<Map<String, Object>> units = stack(step());

    assertThat(units).extracting(unit -> unit.get("path")).containsExactly("live/vpc", "live/app");
    assertThat(log()).contains("terragruntStack: base HEAD^ (first parent of the head)");
  }

  @Test
  void explicitRevisionsWinOverTheBuildsDefaults() throws Exception {
    env.put("CHANGE_ID", "42");
    env.put("CHANGE_TARGET", "nowhere");
    TerragruntStackStep step = step();
    step.setBase("main");
    step.setHead("feature");
    step.setDiff("tree");
    step.setIncludeDependencies(true);

    List<Map<String, Object>> units = stack(step);

    assertThat(units).extracting(unit -> unit.get("path")).containsExactly("live/vpc", "live/app");
    assertThat(log()).contains("base main (given), head feature (given)", "(tree)");
  }

  @Test
  void printsTheTextFormAndStoresTheStackOnTheRun() throws Exception {
    TerragruntStackStep step = step();
    step.setBase("main");

    List<Map<String, Object>> units = stack(step);

    TerragruntStackAction action = storedAction();
    assertThat(action.getBase()).isEqualTo(repo.main.name());
    assertThat(action.getHead()).isEqualTo(repo.feature.name());
    assertThat(action.getUnits()).isEqualTo(units);
    assertThat(log()).contains(action.getText());
    assertThat(units.get(1)).containsEntry("dependencies", List.of("live/vpc")).containsEntry("wave", 1);
  }

  @Test
  void errorFailsTheStepWithTheEnginesMessageAndStoresNothing() throws Exception {
    TerragruntStackStep step = step();
    step.setBase("no-such-branch");

    assertThat(abortMessage(() -> stack(step)))
        .startsWith("terragruntStack: no base revision found in this clone; tried no-such-branch (given);");
    assertThat(run.getActions(TerragruntStackAction.class)).isEmpty();
  }

  @Test
  void unresolvedDependencyPathsAreAWarningNotAFailure() throws Exception {
    repo.commit("live/dyn/terragrunt.hcl",
        "dependency \"x\" {\n  config_path = local.missing ? \"../a\" : \"../b\"\n}\n", "dynamic path");
    TerragruntStackStep step = step();
    step.setBase("main");

    List<Map<String, Object>> units = stack(step);

    assertThat(units).extracting(unit -> unit.get("path")).contains("live/dyn");
    assertThat(log()).contains(
        "terragruntStack: warning: the stack may be incomplete: 1 reason(s) listed above\n");
    assertThat(storedAction().getUnits()).isEqualTo(units);
  }

  @Test
  void theFirstCompleteStackStartsTheBuildsDeployRunAndALaterCallKeepsIt() throws Exception {
    TerragruntStackStep step = step();
    step.setBase("main");

    stack(step);
    stack(step);

    RunState state = new RunState();
    RunJournal.read(dir.resolve("build/tglive/journal.jsonl")).events().forEach(state::apply);
    assertThat(state.header().id()).isEqualTo("infra-job#7");
    assertThat(state.header().repo()).isEqualTo(dir.resolve("infra").toFile().getAbsolutePath());
    assertThat(state.header().headCommit()).isEqualTo(repo.feature.name());
    assertThat(state.header().baseCommit()).isEqualTo(repo.main.name());
    assertThat(state.header().units()).extracting(RunUnit::path, RunUnit::after)
        .containsExactlyInAnyOrder(tuple("live/vpc", List.of()), tuple("live/app", List.of("live/vpc")));
    assertThat(run.getActions(TerragruntRunAction.class)).hasSize(1);
    assertThat(log()).contains("terragruntStack: deploy run started: 2 unit(s)")
        .contains("terragruntStack: this build's deploy run was started by an earlier call");
  }

  @Test
  void anIncompleteStackStartsNoDeployRun() throws Exception {
    repo.commit("live/dyn/terragrunt.hcl",
        "dependency \"x\" {\n  config_path = local.missing ? \"../a\" : \"../b\"\n}\n", "dynamic path");
    TerragruntStackStep step = step();
    step.setBase("main");

    stack(step);

    assertThat(dir.resolve("build/tglive/journal.jsonl")).doesNotExist();
    assertThat(run.getActions(TerragruntRunAction.class)).isEmpty();
    assertThat(log()).contains("terragruntStack: no deploy run: the stack may be incomplete");
  }

  @Test
  void anInvalidStoredGlobalMappingFailsTheStepWithTheEnginesMessage() {
    assertThat(abortMessage(() -> TerragruntStackStep.Execution.stack(step(), context, () -> new AccountMapping(List.of(
            new Account("prod", "live", List.of("alice"), 2, 1, List.of(), null))))))
        .isEqualTo("terragruntStack: the global configuration (Manage Jenkins): invalid account mapping:"
            + " account 'prod': approvalsRequired is 2 but only 1 voter is listed");
    assertThat(run.getActions(TerragruntStackAction.class)).isEmpty();
  }

  @Test
  void noDependentsDeploysOnlyTheSelectedUnits() throws Exception {
    TerragruntStackStep step = step();
    step.setBase("main");
    step.setNoDependents(true);

    assertThat(stack(step)).extracting(unit -> unit.get("path")).containsExactly("live/vpc");
  }

  @Test
  void changedFilesAreNormalisedByTheEngineAsForTheCommandLine() throws Exception {
    TerragruntStackStep step = step();
    step.setBase("main");
    step.setChangedFiles(List.of(" ./live/app/terragrunt.hcl\r\n\r\n", " ", ".//live/app/terragrunt.hcl"));

    assertThat(stack(step)).extracting(unit -> unit.get("path")).containsExactly("live/app");
  }

  @Test
  void optionalParametersAreNormalised() {
    TerragruntStackStep step = new TerragruntStackStep();
    step.setDir(" ");
    step.setBase(" ");
    step.setHead(" v2 ");
    step.setDiff("");

    assertThat(step.getDir()).isEqualTo(".");
    step.setDir(" ./infra/live/ ");
    assertThat(step.getDir()).as("one name per directory, for its recorded stack").isEqualTo("infra/live");
    step.setDir("./");
    assertThat(step.getDir()).isEqualTo(".");
    assertThat(step.getBase()).isNull();
    assertThat(step.getHead()).isEqualTo("v2");
    assertThat(step.getDiff()).isEqualTo("merge-base");
    assertThat(step.isIncludeDependencies()).isFalse();
    assertThat(step.getChangedFiles()).isNull();
    assertThatThrownBy(() -> step.setDiff("both")).hasMessageContaining("unknown diff mode 'both'");
  }

  @Test
  void changedFilesComeAsAListOrAsTheFormsLines() {
    TerragruntStackStep step = new TerragruntStackStep();

    step.setChangedFiles(List.of("live/a/x.tf", "live/b/y.tf\r\n\nlive/c/z.tf"));
    assertThat(step.getChangedFiles()).containsExactly("live/a/x.tf", "live/b/y.tf", "live/c/z.tf");
    assertThat(step.getChangedFilesText()).isEqualTo("live/a/x.tf\nlive/b/y.tf\nlive/c/z.tf");

    step.setChangedFiles(List.of());
    assertThat(step.getChangedFiles()).as("nothing changed").isEmpty();

    step.setChangedFiles(Arrays.asList(" ", null));
    assertThat(step.getChangedFiles()).as("an empty text area: unset").isNull();
  }

  @Test
  void descriptorNamesTheStepAndItsContext() {
    TerragruntStackStep.DescriptorImpl descriptor = mock(TerragruntStackStep.DescriptorImpl.class, CALLS_REAL_METHODS);

    assertThat(descriptor.getFunctionName()).isEqualTo("terragruntStack");
    assertThat(Set.<Class<?>>copyOf(descriptor.getRequiredContext()))
        .containsExactlyInAnyOrder(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
  }

  @Test
  void formRejectsUnknownDiffModes() {
    TerragruntStackStep.DescriptorImpl descriptor = mock(TerragruntStackStep.DescriptorImpl.class, CALLS_REAL_METHODS);
    try (MockedStatic<FormValidation> validation = mockStatic(FormValidation.class)) {
      descriptor.doCheckDiff("tree");
      descriptor.doCheckDiff("both");

      validation.verify(FormValidation::ok);
      validation.verify(() -> FormValidation.error("unknown diff mode 'both' (expected merge-base or tree)"));
    }
  }
}
