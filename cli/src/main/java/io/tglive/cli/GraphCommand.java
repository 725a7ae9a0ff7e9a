package io.tglive.cli;

import io.tglive.config.Diagnostic;
import io.tglive.config.HclFileCache;
import io.tglive.config.UnresolvedEdge;
import io.tglive.graph.GraphLoader;
import io.tglive.graph.LoadOptions;
import io.tglive.graph.LoadProgress;
import io.tglive.graph.LoadedGraph;
import io.tglive.graph.UnitNode;
import io.tglive.graph.UnresolvedComponent;
import io.tglive.graph.render.GraphFormat;
import io.tglive.repo.DiskTree;
import io.tglive.report.ControlCharacters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive graph}: prints the dependency graph of a live repository. */
@Command(
    name = "graph",
    description = "Prints the dependency graph of a Terragrunt live repository.",
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:complete graph",
      "1:some dependency paths or units could not be evaluated (the graph is still printed)",
      "2:errors: configuration, cycle, bad arguments; or unresolved paths with --strict"
    })
public final class GraphCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private FeatureOptions features;

  @Option(names = "--repo", required = true, paramLabel = "DIR", description = "Repository root.")
  private Path repo;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "dot",
      description = "dot (as terragrunt dag graph), json, mermaid or text. Default: ${DEFAULT-VALUE}.")
  private GraphFormat format;

  @Option(names = "--strict", description = "Fail (exit 2) when a dependency path cannot be resolved.")
  private boolean strict;

  @Option(
      names = "--root-config-is-unit",
      description = "Treat an included terragrunt.hcl without terraform source as a unit (Terragrunt 1.x).")
  private boolean rootConfigIsUnit;

  @Option(
      names = "--exclude-dir",
      paramLabel = "PATTERN",
      description = "A directory not to walk, besides .git, .terraform and .terragrunt-cache: a name pattern "
          + "(* and ?; '.*' skips hidden directories) or a repository-relative path. Repeatable.")
  private List<String> excludeDirs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    RepoArgument.check(spec, repo);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DiskTree tree = new DiskTree(repo);
    LoadOptions options = new LoadOptions(features.environment(), rootConfigIsUnit, 0, excludeDirs);
    LoadedGraph loaded = GraphLoader.load(tree, options, new HclFileCache(), progress(err));

    for (Diagnostic diagnostic : loaded.diagnostics()) {
      err.println("warning: " + ControlCharacters.escape(diagnostic.toString()));
    }
    loaded.graph().missing().forEach((target, referrers) -> referrers.forEach(unit ->
        err.println("warning: " + unit + " depends on " + target + ", which has no unit (kept as a missing node)")));
    List<String> unresolved = new ArrayList<>();
    for (UnresolvedComponent component : loaded.unresolvedStacks()) {
      unresolved.add(component.toString());
    }
    for (UnitNode unit : loaded.graph().units().values()) {
      for (UnresolvedEdge edge : unit.unresolved()) {
        unresolved.add(edge.location() + ": "
            + (edge.expression().isEmpty() ? "" : "unresolved dependency path: " + edge.expression() + ": ")
            + edge.reason());
      }
    }
    if (strict && !unresolved.isEmpty()) {
      unresolved.forEach(line -> err.println("error: " + ControlCharacters.escape(line)));
      err.flush();
      return 2;
    }
    out.print(format.render(loaded.graph(), tree.root()));
    out.flush();
    unresolved.forEach(line -> err.println("warning: " + ControlCharacters.escape(line)));
    err.flush();
    return unresolved.isEmpty() ? 0 : 1;
  }

  /**
   * Prints {@code parsed N/M units} ({@code N/M+} while the walk is still finding units) when
   * standard error is a terminal, at most every 100 ms; nothing otherwise.
   */
  private static LoadProgress progress(PrintWriter err) {
    if (!StandardError.isTerminal()) {
      return LoadProgress.NONE;
    }
    long[] last = {0};
    return (done, found, allFound) -> {
      synchronized (last) {
        long now = System.nanoTime();
        boolean finished = allFound && done == found;
        if (finished || now - last[0] > 100_000_000L) {
          last[0] = now;
          err.print("\rparsed " + done + "/" + found + (allFound ? "" : "+") + " units" + (finished ? "\n" : ""));
          err.flush();
        }
      }
    };
  }
}
