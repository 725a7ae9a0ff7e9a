package io.tglive.cli;

import io.tglive.change.DiffMode;
import io.tglive.policy.AccountMapping;
import io.tglive.preview.Preview;
import io.tglive.preview.PreviewDirectory;
import io.tglive.preview.PreviewOptions;
import io.tglive.preview.PreviewStatus;
import io.tglive.preview.PreviewSummary;
import io.tglive.preview.PreviewUnit;
import io.tglive.preview.render.PreviewFormat;
import io.tglive.queue.DeployQueue;
import io.tglive.queue.QueueException;
import io.tglive.queue.QueuePosition;
import io.tglive.queue.QueueState;
import io.tglive.report.ControlCharacters;
import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.stack.CiStackRequest;
import io.tglive.stack.CiStackResult;
import io.tglive.stack.StackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive preview}: what a pull request would do, planned read-only, one summary. */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = "Plans a pull request's stack read-only (never applies): per unit the action, reasons, plan"
        + " counts and the gate it will need; units whose in-stack dependencies change are planned after them.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the preview was made: every planned unit's plan succeeded and the stack is complete",
      "1:a unit's plan failed, or the stack may be incomplete (the preview is still printed; each reason on stderr)",
      "2:bad input: revisions, configuration, arguments; terragrunt or git cannot run"
    })
final class PreviewCommand implements Callable<Integer> {

  static final int FAILED = 1;
  static final int ERROR = 2;

  @Spec private CommandSpec spec;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Option(names = "--base", paramLabel = "REF", required = true,
      description = "The pull request's target (its branch or commit).")
  private String base;

  @Option(names = "--head", paramLabel = "REF", required = true, description = "The pull request's head.")
  private String head;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, markdown (for a GitHub check or comment) or json. Default: ${DEFAULT-VALUE}.")
  private PreviewFormat format;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
      description = "Most plans at once (default: ${DEFAULT-VALUE}).")
  private int parallelism;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where worktrees, plans and logs go"
      + " (default: <repo>/.tglive/previews/<head sha>, ignored by git).")
  private Path workDir;

  @Option(names = "--terragrunt", paramLabel = "PATH", defaultValue = "terragrunt",
      description = "The terragrunt executable (default: ${DEFAULT-VALUE} on the PATH).")
  private String terragrunt;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30M",
      description = "Longest any one terragrunt command may run, ISO-8601 (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--queue-dir", paramLabel = "DIR", description = "A deploy queue directory (tglive queue):"
      + " show where the pull request waits to deploy, found by --pr or by the head commit.")
  private Path queueDir;

  @Option(names = "--queue", paramLabel = "NAME", description = "The queue in --queue-dir (default: every queue).")
  private String queueName;

  @Option(names = "--pr", paramLabel = "N", description = "The pull request to find in --queue-dir"
      + " (default: the entry whose head or merge commit is --head).")
  private Integer pr;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RepoArgument.check(spec, repo);
    try {
      if (parallelism < 1) {
        throw new IllegalArgumentException("--parallelism must be at least 1");
      }
      if (queueDir != null && !java.nio.file.Files.isDirectory(queueDir)) {
        throw new IllegalArgumentException("--queue-dir " + queueDir + " is not a directory");
      }
      Path repoDir = repo.toAbsolutePath().normalize();
      CiStackResult planned = new CiStackRequest(base, head, null, System.getenv(), DiffMode.MERGE_BASE, true, false,
          null, false, AccountMapping.EMPTY).plan(repoDir);
      Path directory = workDir != null ? workDir.toAbsolutePath().normalize()
          : PreviewDirectory.of(repoDir, planned.result().head());
      CommandSettings settings = CommandSettings.DEFAULT.withTerragrunt(List.of(terragrunt)).withTimeout(timeout);
      PreviewSummary summary = new Preview(new LocalRunner(Duration.ofSeconds(10), ProcessObserver.NONE),
          new GitWorktrees(repoDir, directory.resolve("worktrees")), directory,
          PreviewOptions.of(parallelism, settings, java.util.Map.of())).preview(planned);
      QueuePosition position = queueDir == null ? null : position(planned.result().head(), err);
      out.print(format.render(summary, position));
      out.flush();
      summary.warnings().forEach(warning -> err.println("warning: " + ControlCharacters.escape(warning)));
      for (PreviewUnit unit : summary.units()) {
        if (unit.status() == PreviewStatus.FAILED) {
          err.println("failed: " + ControlCharacters.escape(unit.path() + ": " + unit.message()));
        }
      }
      summary.incompleteness().forEach(line -> err.println("incomplete: " + ControlCharacters.escape(line)));
      err.println("preview directory: " + directory);
      err.flush();
      return summary.ok() ? 0 : FAILED;
    } catch (StackException | IllegalArgumentException | IOException | QueueException e) {
      for (String line : String.valueOf(e.getMessage()).split("\n")) {
        err.println(line.startsWith(" ") ? line : "error: " + ControlCharacters.escape(line));
      }
      err.flush();
      return ERROR;
    } catch (InterruptedException e) {
      err.println("error: interrupted");
      err.flush();
      return FAILED;
    }
  }

  /** Where the pull request waits in {@code --queue-dir}, or null (said on stderr) when it does not. */
  private QueuePosition position(String headSha, PrintWriter err) throws IOException, QueueException {
    try (DeployQueue deployQueue = DeployQueue.open(queueDir)) {
      QueueState state = deployQueue.state();
      List<String> queues = queueName == null || queueName.isBlank() ? state.queues() : List.of(queueName);
      Optional<QueuePosition> found = Optional.empty();
      for (String queue : queues) {
        found = pr != null ? QueuePosition.of(state, queue, pr)
            : QueuePosition.ofCommit(state, headSha).filter(p -> p.queue().equals(queue));
        if (found.isPresent()) {
          break;
        }
      }
      if (found.isEmpty()) {
        err.println("queue: " + (pr != null ? "PR #" + pr : "commit " + headSha) + " is not waiting in " + queueDir);
      }
      return found.orElse(null);
    }
  }
}
