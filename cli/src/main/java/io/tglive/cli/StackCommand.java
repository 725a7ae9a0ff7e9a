package io.tglive.cli;

import io.tglive.change.DiffMode;
import io.tglive.graph.LoadOptions;
import io.tglive.stack.StackException;
import io.tglive.stack.StackPlanner;
import io.tglive.stack.StackRequest;
import io.tglive.stack.StackResult;
import io.tglive.stack.render.StackFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive stack}: prints the units a change deploys, in order, with reasons and approval policies. */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    description = "Prints the deploy stack of a change: the units to apply or destroy, in order, and why.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the stack is complete",
      "1:some dependency paths could not be resolved (the stack is still printed)",
      "2:errors: bad revisions, invalid configuration, cycles, a deleted unit still in use, bad arguments"
    })
final class StackCommand implements Callable<Integer> {

  static final int INCOMPLETE = 1;
  static final int ERROR = 2;

  @Spec private CommandSpec spec;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Option(names = "--base", required = true, paramLabel = "REF", description = "The revision deployed so far.")
  private String base;

  @Option(names = "--head", required = true, paramLabel = "REF", description = "The revision to deploy.")
  private String head;

  @Option(names = "--diff", paramLabel = "MODE", defaultValue = "merge-base",
      description = "merge-base (what head introduced since it left base) or tree (plain tree diff). "
          + "Default: ${DEFAULT-VALUE}.")
  private String diff;

  @Option(names = "--include-dependencies", description = "Also deploy every transitive dependency of the stack.")
  private boolean includeDependencies;

  @Option(names = "--no-dependents", negatable = false,
      description = "Deploy only the units the change selects, not their dependents.")
  private boolean noDependents;

  @Option(names = "--changed-files", paramLabel = "FILE",
      description = "Map these repository-relative files (one per line) instead of diffing the revisions.")
  private Path changedFiles;

  @Option(names = "--root-config-is-unit",
      description = "Treat an included terragrunt.hcl without terraform source as a unit (Terragrunt 1.x).")
  private boolean rootConfigIsUnit;

  @Option(names = "--exclude-dir", paramLabel = "PATTERN",
      description = "A directory not to walk, besides .git, .terraform and .terragrunt-cache: a name pattern "
          + "(* and ?; '.*' skips hidden directories) or a repository-relative path. Repeatable.")
  private List<String> excludeDirs = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "json, text, dot or mermaid. Default: ${DEFAULT-VALUE}.")
  private StackFormat format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RepoArgument.check(spec, repo);
    try {
      StackRequest request = new StackRequest(base, head, diffMode(), !noDependents, includeDependencies,
          changedFiles(), new LoadOptions(System.getenv(), rootConfigIsUnit, 0, excludeDirs));
      StackResult result = StackPlanner.plan(repo, request);
      out.print(format.render(result));
      out.flush();
      result.warnings().forEach(warning -> err.println("warning: " + warning));
      for (StackResult.Unresolved edge : result.unresolved()) {
        err.println("warning: " + edge.file() + ":" + edge.line() + " (" + edge.tree()
            + "): unresolved dependency path: " + edge.expression());
      }
      err.flush();
      return result.complete() ? 0 : INCOMPLETE;
    } catch (StackException | IllegalArgumentException e) {
      for (String line : e.getMessage().split("\n")) {
        err.println(line.startsWith(" ") ? line : "error: " + line);
      }
      err.flush();
      return ERROR;
    }
  }

  private DiffMode diffMode() {
    return DiffMode.fromLabel(diff);
  }

  private Optional<List<String>> changedFiles() throws StackException {
    if (changedFiles == null) {
      return Optional.empty();
    }
    try {
      if (Files.exists(changedFiles) && !Files.isRegularFile(changedFiles)) {
        throw new IOException("not a regular file");
      }
      return Optional.of(Files.readAllLines(changedFiles, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .map(line -> line.startsWith("./") ? line.substring(2) : line)
          .toList());
    } catch (IOException e) {
      throw new StackException("--changed-files " + changedFiles + ": cannot read: " + e.getMessage());
    }
  }
}
