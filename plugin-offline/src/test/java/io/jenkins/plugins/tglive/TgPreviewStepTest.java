package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.policy.AccountMapping;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedConstruction;

/**
 * {@code tgPreview} over a real git repository, with the callable crossing a serialization
 * boundary as it does to an agent, and a scripted stand-in for terragrunt (plans exit 0, or 1 with
 * an OpenTofu-style error in a unit named {@code bad}); the checks it publishes are captured.
 */
class TgPreviewStepTest {

  private static final String STANDIN = """
      #!/bin/sh
      case "$1" in
        --version) echo "terragrunt version v1.1.3"; exit 0 ;;
        plan)
          unit=$(basename "$(pwd -P)")
          if [ "$unit" = bad ]; then echo "Error: boom in $unit" >&2; exit 1; fi
          exit 0 ;;
        *) echo "unexpected: $*" >&2; exit 3 ;;
      esac
      """;

  @TempDir Path tmp;

  private Path repo;
  private Path terragrunt;
  private final StepContext context = mock(StepContext.class);
  // EnvVars' constructor needs Jenkins; its map behaviour is TreeMap's.
  private final EnvVars env = mock(EnvVars.class, CALLS_REAL_METHODS);
  private final FilePath workspace = mock(FilePath.class);
  private final FilePath checkout = mock(FilePath.class);
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final List<PreviewCheck> checks = new ArrayList<>();

  @BeforeEach
  void context() throws Exception {
    repo = Files.createDirectories(tmp.resolve("infra"));
    terragrunt = tmp.resolve("terragrunt");
    Files.writeString(terragrunt, STANDIN);
    Files.setPosixFilePermissions(terragrunt, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(repo.resolve("README.md"), "live\n");
      commit(git, "base");
      git.checkout().setCreateBranch(true).setName("pr").call();
      unit("ok");
      commit(git, "ok");
    }
    TaskListener listener = mock(TaskListener.class);
    when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    when(context.get(Run.class)).thenReturn(mock(Run.class));
    when(context.get(TaskListener.class)).thenReturn(listener);
    when(context.get(FilePath.class)).thenReturn(workspace);
    when(context.get(EnvVars.class)).thenReturn(env);
    when(workspace.child("infra")).thenReturn(checkout);
    when(checkout.act(any())).thenAnswer(invocation -> {
      TgPreviewCallable callable = TerragruntStackCallableTest.overTheWire(invocation.getArgument(0));
      return TerragruntStackCallableTest.overTheWire(callable.invoke(repo.toFile(), null));
    });
    env.put("CHANGE_ID", "12");
    env.put("CHANGE_TARGET", "main");
    env.put("CHANGE_AUTHOR", "alice");
  }

  private TgPreviewStep step() {
    TgPreviewStep step = new TgPreviewStep();
    step.setDir("infra");
    step.setTerragrunt(terragrunt.toString());
    return step;
  }

  private Map<String, Object> preview(TgPreviewStep step) throws Exception {
    return TgPreviewStep.Execution.preview(step, context, () -> AccountMapping.EMPTY, checks::add);
  }

  @Test
  void aPullRequestBuildPublishesOneCheckUnderAFixedNameLogsAndReturnsThePreview() throws Exception {
    Map<String, Object> preview = preview(step());

    assertThat(checks).extracting(PreviewCheck::name).containsOnly("Terragrunt preview");
    assertThat(checks).extracting(PreviewCheck::completed).containsExactly(false, true);
    PreviewCheck done = checks.get(1);
    assertThat(done.success()).isTrue();
    assertThat(done.title()).isEqualTo("1 without changes");
    assertThat(done.summary()).startsWith("PR &#35;12 by alice into main\n\n### Terragrunt preview: 1 without changes")
        .contains("| ok | apply | ⚪ no changes | none | added |");
    assertThat(preview).containsEntry("ok", true).containsEntry("headline", "1 without changes");
    assertThat(preview.get("pullRequest")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("number", "12").containsEntry("target", "main").containsEntry("author", "alice")
        .containsEntry("url", null);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> units = (List<Map<String, Object>>) preview.get("units");
    assertThat(units).extracting(unit -> unit.get("path"), unit -> unit.get("status"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ok", "no-changes"));
    String text = log.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("tgPreview: PR #12 by alice into main: base main (target branch of change 12")
        .contains("no changes   apply    ok  no changes; gate: none; reasons: added");
  }

  @Test
  void aMergedPullRequestWaitingToDeployShowsItsQueuePositionInTheCheckTheLogAndTheResult() throws Exception {
    String head;
    try (Git git = Git.open(repo.toFile())) {
      head = git.getRepository().resolve("pr").name();
    }
    try (QueueFixture jenkins = new QueueFixture(tmp.resolve("home"))) {
      jenkins.trigger(QueueFixture.job("live-deploy"), "acme/live", 3);
      QueueEvents.deliver(QueueFixture.merged(11, "a11", "2026-01-01T09:00:00Z"), QueueDispatch.jenkins());
      QueueEvents.deliver(QueueFixture.merged(12, head, "2026-01-01T10:00:00Z"), QueueDispatch.jenkins());

      Map<String, Object> preview = TgPreviewStep.Execution.preview(step(), context, () -> AccountMapping.EMPTY,
          checks::add, QueuePositions::ofCommit);

      assertThat(checks.get(1).summary()).startsWith("PR &#35;12 by alice into main\n\n**Deploy queue** acme/live: "
          + "queued&#58; position 1 of 1, behind PR &#35;11 (deploying)\n\n### Terragrunt preview: ");
      assertThat(log.toString(StandardCharsets.UTF_8)).contains(
          "tgPreview: deploy queue acme/live: queued: position 1 of 1, behind PR #11 (deploying)\n");
      assertThat(preview.get("queue")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("pr", 12).containsEntry("position", 1).containsEntry("behind", 11);
    }
  }

  @Test
  void aPullRequestNotInAnyQueueHasNoQueueLine() throws Exception {
    Map<String, Object> preview = TgPreviewStep.Execution.preview(step(), context, () -> AccountMapping.EMPTY,
        checks::add, head -> null);

    assertThat(preview).containsEntry("queue", null);
    assertThat(checks.get(1).summary()).doesNotContain("Deploy queue");
  }

  @Test
  void aFailedPlanFailsTheCheckNotTheStep() throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      unit("bad");
      commit(git, "bad");
    }
    Map<String, Object> preview = preview(step());

    assertThat(preview).containsEntry("ok", false);
    PreviewCheck done = checks.get(checks.size() - 1);
    assertThat(done.completed()).isTrue();
    assertThat(done.success()).isFalse();
    assertThat(done.title()).isEqualTo("1 without changes, 1 plan failed");
    assertThat(done.summary()).contains("| bad | apply | 🔴 plan failed&#58; plan exited 1&#58; Error&#58; boom in bad |");
  }

  @Test
  void aChangeThatCannotBePlannedFailsTheStepAndTheCheckWithTheReason() {
    TgPreviewStep step = step();
    step.setBase("no-such-branch");

    // AbortException's stub constructor throws: its construction is intercepted and the message kept.
    List<String> aborts = new ArrayList<>();
    try (MockedConstruction<AbortException> abort = mockConstruction(AbortException.class,
        (exception, construction) -> aborts.add((String) construction.arguments().get(0)))) {
      assertThatThrownBy(() -> preview(step)).isInstanceOf(AbortException.class);
    }
    assertThat(aborts).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("tgPreview: ").contains("no-such-branch");
    assertThat(checks.get(checks.size() - 1).completed()).isTrue();
    assertThat(checks.get(checks.size() - 1).success()).isFalse();
    assertThat(checks.get(checks.size() - 1).summary()).contains("no-such-branch");
  }

  @Test
  void withoutPublishingNoCheckIsSentAndABuildOutsideAPullRequestHasNone() throws Exception {
    env.remove("CHANGE_ID");
    env.remove("CHANGE_TARGET");
    TgPreviewStep step = step();
    step.setBase("main");
    step.setPublishCheck(false);

    Map<String, Object> preview = preview(step);

    assertThat(checks).isEmpty();
    assertThat(preview).containsEntry("ok", true).containsEntry("pullRequest", null);
  }

  @Test
  void settersNormaliseBlanksAndRefuseAParallelismBelowOne() {
    TgPreviewStep step = new TgPreviewStep();
    step.setCheckName(" ");
    step.setTerragrunt("");
    step.setDir(null);
    assertThat(step.getCheckName()).isEqualTo(TgPreviewStep.DEFAULT_CHECK_NAME);
    assertThat(step.getTerragrunt()).isEqualTo("terragrunt");
    assertThat(step.getDir()).isEqualTo(".");
    assertThatThrownBy(() -> step.setParallelism(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be at least 1: 0");
  }

  private void unit(String name) throws Exception {
    Files.createDirectories(repo.resolve(name));
    Files.writeString(repo.resolve(name).resolve("terragrunt.hcl"), "inputs = {\n  name = \"" + name + "\"\n}\n");
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
        .setSign(false).call();
  }
}
