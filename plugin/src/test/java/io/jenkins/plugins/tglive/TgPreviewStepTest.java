package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code tgPreview} in a real Jenkins, on an agent, for a pull request build ({@code CHANGE_*} as
 * branch-api sets them), with a scripted stand-in for terragrunt; the checks it publishes through
 * the real Checks API are captured by a test publisher factory.
 */
@WithJenkins
class TgPreviewStepTest {

  @RegisterExtension private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();

  private static final String STANDIN = """
      #!/bin/sh
      case "$1" in
        --version) echo "terragrunt version v1.1.3"; exit 0 ;;
        plan) exit 0 ;;
        *) echo "unexpected: $*" >&2; exit 3 ;;
      esac
      """;

  static final List<ChecksDetails> PUBLISHED = new CopyOnWriteArrayList<>();

  @TempDir Path tmp;

  private JenkinsRule r;
  private Git git;
  private Path repo;
  private Path terragrunt;

  @BeforeEach
  void beforeEach(JenkinsRule rule) throws Exception {
    r = rule;
    PUBLISHED.clear();
    repo = Files.createDirectories(tmp.resolve("repo"));
    terragrunt = tmp.resolve("terragrunt");
    Files.writeString(terragrunt, STANDIN);
    Files.setPosixFilePermissions(terragrunt, PosixFilePermissions.fromString("rwxr-xr-x"));
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    write("README.md", "live\n");
    commit("base");
    git.checkout().setCreateBranch(true).setName("pr").call();
    write("live/app/terragrunt.hcl", "inputs = {\n  name = \"app\"\n}\n");
    commit("app");
  }

  @AfterEach
  void afterEach() {
    git.close();
  }

  @Test
  void aPullRequestBuildPublishesThePreviewAsOneCheckThatTheNextCommitReplaces() throws Exception {
    r.createOnlineSlave(Label.get("remote"));
    WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
    p.setDefinition(new CpsFlowDefinition("node('remote') {\n"
        + "  withEnv(['CHANGE_ID=12', 'CHANGE_TARGET=main', 'CHANGE_AUTHOR=alice']) {\n"
        + "    def preview = tgPreview(dir: '" + repo + "', terragrunt: '" + terragrunt + "')\n"
        + "    echo \"ok=${preview.ok} units=${preview.units.collect { it.path + ':' + it.status }}"
        + " pr=${preview.pullRequest.number}\"\n"
        + "  }\n"
        + "}\n", true));

    WorkflowRun first = r.buildAndAssertSuccess(p);

    r.assertLogContains("ok=true units=[live/app:no-changes] pr=12", first);
    r.assertLogContains("tgPreview: PR #12 by alice into main: base main (target branch of change 12", first);
    r.assertLogContains("no changes   apply    live/app", first);
    assertThat(PUBLISHED).extracting(details -> details.getName().orElseThrow()).containsOnly("Terragrunt preview");
    assertThat(PUBLISHED).extracting(ChecksDetails::getStatus)
        .containsExactly(ChecksStatus.IN_PROGRESS, ChecksStatus.COMPLETED);
    ChecksDetails done = PUBLISHED.get(1);
    assertThat(done.getConclusion()).isEqualTo(ChecksConclusion.SUCCESS);
    ChecksOutput output = done.getOutput().orElseThrow();
    assertThat(output.getTitle().orElseThrow()).contains("1 without changes");
    assertThat(output.getSummary().orElseThrow()).contains("| live/app | apply | ⚪ no changes | none | added |");

    write("live/db/terragrunt.hcl", "inputs = {\n  name = \"db\"\n}\n");
    commit("db");
    PUBLISHED.clear();
    WorkflowRun second = r.buildAndAssertSuccess(p);
    r.assertLogContains("ok=true units=[live/app:no-changes, live/db:no-changes] pr=12", second);
    assertThat(PUBLISHED).extracting(details -> details.getName().orElseThrow())
        .as("the same name: GitHub shows the new commit's check in place of the last")
        .containsOnly("Terragrunt preview");
  }

  private void write(String path, String content) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  private void commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.commit().setMessage(message).setAuthor("Test", "test@example.com")
        .setCommitter("Test", "test@example.com").setSign(false).call();
  }

  /** Captures every check the build publishes. */
  @TestExtension
  public static final class CapturingFactory extends ChecksPublisherFactory {

    @Override
    protected Optional<ChecksPublisher> createPublisher(Run<?, ?> run, TaskListener listener) {
      return Optional.of(new ChecksPublisher() {
        @Override
        public void publish(ChecksDetails details) {
          PUBLISHED.add(details);
        }
      });
    }
  }
}
