package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.tglive.policy.Account;
import io.tglive.policy.AccountMapping;
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
import org.mockito.ArgumentCaptor;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;

class TerragruntStackStepTest {

  @TempDir Path dir;

  private LiveRepoFixture repo;
  private final StepContext context = mock(StepContext.class);
  @SuppressWarnings("unchecked")
  private final Run<?, ?> run = mock(Run.class);
  // EnvVars' constructor needs Jenkins; its map behaviour is TreeMap's.
  private final EnvVars env = mock(EnvVars.class, CALLS_REAL_METHODS);
  private final FilePath workspace = mock(FilePath.class);
  private final FilePath checkout = mock(FilePath.class);
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void context() throws Exception {
    repo = new LiveRepoFixture(dir.resolve("infra"));
    TaskListener listener = mock(TaskListener.class);
    when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    when(context.get(Run.class)).thenAnswer(invocation -> run);
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
  void close() {
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

  private TerragruntStackAction storedAction() {
    ArgumentCaptor<TerragruntStackAction> action = ArgumentCaptor.forClass(TerragruntStackAction.class);
    verify(run).addOrReplaceAction(action.capture());
    return action.getValue();
  }

  @Test
  void pullRequestComparesWithItsTargetBranchFromOrigin() throws Exception {
    repo.remoteBranch("main", repo.main);
    env.put("CHANGE_ID", "42");
    env.put("CHANGE_TARGET", "main");

    List<Map<String, Object>> units = TerragruntStackStep.Execution.stack(step(), context, AccountMapping.EMPTY);

    assertThat(units).extracting(unit -> unit.get("path")).containsExactly("live/vpc", "live/app");
    assertThat(log()).contains("terragruntStack: base origin/main (target branch of change 42, CHANGE_TARGET),"
        + " head HEAD (the checked-out commit)\n");
  }

  @Test
  void accountsOfTheGlobalConfigurationReplaceThoseOfTheRepository() throws Exception {
    AccountMapping configured = new AccountMapping(List.of(
        new Account("everything", "", List.of("bob", "carol"), 2, 1, List.of(), null)));

    List<Map<String, Object>> units = TerragruntStackStep.Execution.stack(step(), context, configured);

    assertThat(units).isNotEmpty().allSatisfy(unit -> {
      assertThat(unit.get("account")).isEqualTo("everything");
      assertThat(unit.get("policy")).isEqualTo(
          Map.of("voters", List.of("bob", "carol"), "approvalsRequired", 2, "rejectionsRequired", 1));
    });
    assertThat(log()).contains("terragruntStack: accounts and voters from the global configuration (Manage Jenkins)\n");
  }

  @Test
  void withoutGlobalAccountsTheRepositorysSettingsFileGoverns() throws Exception {
    TerragruntStackStep.Execution.stack(step(), context, AccountMapping.EMPTY);

    assertThat(log()).contains("terragruntStack: accounts and voters from .tglive.yaml of the base commit\n");
  }

  @Test
  void branchBuildComparesWithTheHeadOfThePreviousSuccessfulBuild() throws Exception {
    Run<?, ?> previous = mock(Run.class);
    when(run.getPreviousSuccessfulBuild()).thenAnswer(invocation -> previous);
    when(previous.getAction(TerragruntStackAction.class))
        .thenReturn(new TerragruntStackAction(repo.main.name(), repo.feature.name(), "{}"));

    List<Map<String, Object>> units = TerragruntStackStep.Execution.stack(step(), context, AccountMapping.EMPTY);

    assertThat(units).isEmpty();
    assertThat(log()).contains("terragruntStack: base " + repo.feature.name() + " (head of the previous successful build)")
        .contains("0 units in 0 waves");
  }

  @Test
  void branchBuildWithoutAPreviousStackComparesWithTheFirstParent() throws Exception {
    List<Map<String, Object>> units = TerragruntStackStep.Execution.stack(step(), context, AccountMapping.EMPTY);

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

    List<Map<String, Object>> units = TerragruntStackStep.Execution.stack(step, context, AccountMapping.EMPTY);

    assertThat(units).extracting(unit -> unit.get("path")).containsExactly("live/vpc", "live/app");
    assertThat(log()).contains("base main (given), head feature (given)", "(tree)");
  }

  @Test
  void printsTheTextFormAndStoresTheStackOnTheRun() throws Exception {
    TerragruntStackStep step = step();
    step.setBase("main");

    List<Map<String, Object>> units = TerragruntStackStep.Execution.stack(step, context, AccountMapping.EMPTY);

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
    List<String> messages = new ArrayList<>();

    try (MockedConstruction<AbortException> aborts = mockConstruction(AbortException.class,
        (abort, construction) -> messages.add((String) construction.arguments().get(0)))) {
      assertThatThrownBy(() -> TerragruntStackStep.Execution.stack(step, context, AccountMapping.EMPTY)).isInstanceOf(AbortException.class);
    }

    assertThat(messages).containsExactly(
        "terragruntStack: no base revision found; tried no-such-branch (given); name one with base,"
            + " or fetch it (a shallow clone lacks history and other branches)");
    verify(run, never()).addOrReplaceAction(any());
  }

  @Test
  void unresolvedDependencyPathsAreAWarningNotAFailure() throws Exception {
    TerragruntStackCallable.Outcome incomplete = new TerragruntStackCallable.Outcome(
        TerragruntStackCallable.Outcome.INCOMPLETE, null, "base main (given), head HEAD (the checked-out commit)",
        repo.main.name(), repo.feature.name(), EMPTY_STACK, "stack text\n", new ArrayList<>(List.of("a diagnostic")), 2);
    doReturn(incomplete).when(checkout).act(any());

    List<Map<String, Object>> units = TerragruntStackStep.Execution.stack(step(), context, AccountMapping.EMPTY);

    assertThat(units).isEmpty();
    assertThat(log()).contains("stack text\n", "terragruntStack: warning: a diagnostic\n",
        "terragruntStack: warning: the stack may be incomplete: 2 reason(s) listed above\n");
    assertThat(storedAction().getJson()).isEqualTo(EMPTY_STACK);
  }

  private static final String EMPTY_STACK = """
      {"base": "1111111111", "head": "2222222222", "diff": "merge-base", "units": [], "unmapped": [],
       "ignored": [], "excluded": [], "unresolved": [], "order": []}
      """;

  @Test
  void optionalParametersAreNormalised() {
    TerragruntStackStep step = new TerragruntStackStep();
    step.setDir(" ");
    step.setBase(" ");
    step.setHead(" v2 ");
    step.setDiff("");

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

    step.setChangedFiles(List.of("live/a/x.tf", " live/b/y.tf\n\nlive/c/z.tf "));
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
