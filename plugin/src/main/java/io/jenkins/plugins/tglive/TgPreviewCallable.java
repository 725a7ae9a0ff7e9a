package io.jenkins.plugins.tglive;

import hudson.remoting.VirtualChannel;
import io.tglive.preview.Preview;
import io.tglive.preview.PreviewDirectory;
import io.tglive.preview.PreviewOptions;
import io.tglive.preview.PreviewSummary;
import io.tglive.preview.render.PreviewFormat;
import io.tglive.preview.render.PreviewMarkdown;
import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.stack.CiStackRequest;
import io.tglive.stack.CiStackResult;
import io.tglive.stack.StackException;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Previews the pull request where the repository is checked out (on the agent): the engine's stack
 * of the build, then {@link Preview} with local terragrunt processes in the build's environment.
 */
final class TgPreviewCallable extends MasterToSlaveFileCallable<TgPreviewCallable.Outcome> {

  private static final long serialVersionUID = 1L;

  /** The markdown's limit: GitHub's, less room for the pull request line the step puts before it. */
  static final int CHECK_LIMIT = PreviewMarkdown.GITHUB_LIMIT - 1_000;

  private final CiStackRequest request;
  private final HashMap<String, String> environment;
  private final String terragrunt;
  private final int parallelism;

  /**
   * @param request the stack of the build (base from the pull request's target)
   * @param environment the build's environment, which every terragrunt command gets
   * @param terragrunt the terragrunt executable
   * @param parallelism most plans at once
   */
  TgPreviewCallable(CiStackRequest request, HashMap<String, String> environment, String terragrunt,
      int parallelism) {
    this.request = request;
    this.environment = environment;
    this.terragrunt = terragrunt;
    this.parallelism = parallelism;
  }

  @Override
  public Outcome invoke(File repo, VirtualChannel channel) throws InterruptedException {
    try {
      Path root = repo.toPath().toAbsolutePath().normalize();
      CiStackResult planned = request.plan(root);
      Path directory = PreviewDirectory.of(root, planned.result().head());
      CommandSettings settings = CommandSettings.DEFAULT.withTerragrunt(List.of(terragrunt))
          .withTimeout(Duration.ofMinutes(30));
      PreviewSummary summary = new Preview(new LocalRunner(Duration.ofSeconds(10), ProcessObserver.NONE),
          new GitWorktrees(root, directory.resolve("worktrees")), directory,
          PreviewOptions.of(parallelism, settings, environment)).preview(planned);
      return new Outcome(null, planned.revisions(), directory.toString(), PreviewFormat.JSON.render(summary),
          PreviewFormat.TEXT.render(summary), PreviewMarkdown.render(summary, CHECK_LIMIT), summary.headline(),
          summary.ok());
    } catch (StackException | IllegalArgumentException | IOException e) {
      return new Outcome(e.getMessage(), null, null, null, null, null, null, false);
    }
  }

  /**
   * What the agent sends back: JDK types only, as the controller's class filter requires.
   *
   * @param error why there is no preview (bad revisions or configuration, terragrunt or git cannot run), or null
   * @param revisions which base and head were compared and why
   * @param directory where the worktrees, plans and unit logs are, on the agent
   * @param json the preview as JSON
   * @param text the preview for the build log
   * @param markdown the preview for the check
   * @param headline the preview in one line
   * @param ok every planned unit's plan succeeded and the stack is complete
   */
  record Outcome(String error, String revisions, String directory, String json, String text, String markdown,
      String headline, boolean ok) implements Serializable {}
}
