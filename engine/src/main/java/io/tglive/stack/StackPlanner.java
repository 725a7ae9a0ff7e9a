package io.tglive.stack;

import io.tglive.change.ChangeException;
import io.tglive.change.ChangeMapper;
import io.tglive.change.ChangedFile;
import io.tglive.change.Closure;
import io.tglive.change.GitChanges;
import io.tglive.change.IgnoreRules;
import io.tglive.change.Selection;
import io.tglive.config.ConfigException;
import io.tglive.config.Diagnostic;
import io.tglive.config.HclFileCache;
import io.tglive.config.UnresolvedEdge;
import io.tglive.graph.GraphCycleException;
import io.tglive.graph.GraphLoader;
import io.tglive.graph.LoadedGraph;
import io.tglive.graph.RepoPaths;
import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;
import io.tglive.graph.UnresolvedComponent;
import io.tglive.policy.RepoSettings;
import io.tglive.policy.SettingsException;
import io.tglive.repo.GitTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Computes the deploy stack of a change to a live repository: resolves the commits, lists the
 * changed files, evaluates the graph of the base commit and derives the head's from it and the tree
 * diff (re-evaluating only the units the diff can affect), maps files to units,
 * grows the selection and orders it. Settings ({@code .tglive.yaml}: accounts, voters and ignore
 * globs) are read from the requested base (the target branch's tip), not from the merge base: a
 * change cannot alter the policy that governs it, such as adding its author to the voters or
 * ignoring its own files, nor escape a policy tightened after it branched. Accounts given with the
 * request replace the file's.
 */
public final class StackPlanner {

  private StackPlanner() {}

  /** The stack of the change {@code request} describes in the git repository at {@code repo}. */
  public static StackResult plan(Path repo, StackRequest request) throws StackException {
    try (Repository repository = open(repo)) {
      return plan(repository, request);
    } catch (IOException e) {
      throw new StackException(repo + ": cannot read the repository: " + e.getMessage());
    }
  }

  private static StackResult plan(Repository repository, StackRequest request) throws StackException, IOException {
    ObjectId requestedBase;
    ObjectId base;
    ObjectId head;
    try {
      requestedBase = GitChanges.resolve(repository, request.base());
      head = GitChanges.resolve(repository, request.head());
      base = GitChanges.diffBase(repository, requestedBase, head, request.diff());
    } catch (ChangeException e) {
      throw new StackException(e.getMessage());
    }
    GitTree baseTree = GitTree.of(repository, base);
    GitTree headTree = GitTree.of(repository, head);
    List<ChangedFile> diff = GitChanges.diff(repository, base, head);
    List<ChangedFile> files = request.changedFiles().isPresent()
        ? request.changedFiles().get().stream().map(f -> ChangedFile.classify(f, baseTree, headTree)).toList()
        : diff;
    RepoSettings settings = settings(requestedBase.equals(base) ? baseTree : GitTree.of(repository, requestedBase));

    // The head graph is derived from the base graph and the tree diff (not from --changed-files,
    // which may name fewer files): only units the diff can affect are evaluated again.
    HclFileCache cache = new HclFileCache();
    LoadedGraph baseGraph = load(baseTree, "base", () -> GraphLoader.loadForChanges(baseTree, request.loadOptions(), cache));
    List<String> changedPaths = diff.stream().map(ChangedFile::path).toList();
    LoadedGraph headGraph = load(headTree, "head", () -> GraphLoader.loadChanged(
        baseGraph, baseTree, headTree, changedPaths, request.loadOptions(), cache));

    Selection selected = ChangeMapper.select(
        baseGraph.graph(), headGraph.graph(), files, IgnoreRules.of(ignoreGlobs(settings)));
    Selection grown = Closure.expand(
        selected, headGraph.graph(), request.includeDependents(), request.includeDependencies());
    SortedSet<String> excluded = new TreeSet<>(grown.applies().keySet());
    excluded.retainAll(headGraph.graph().excludedFromRuns());
    DeployStack stack = StackBuilder.build(Closure.withoutExcluded(grown, excluded, headGraph.graph()),
        baseGraph.graph(), headGraph.graph(), request.accounts().orElse(settings.accounts()), excluded);

    List<StackResult.Unresolved> unresolved = new ArrayList<>();
    unresolved(headGraph.graph(), headTree.root(), "head", headGraph.graph().units().keySet(), unresolved);
    unresolved(baseGraph.graph(), baseTree.root(), "base", grown.destroys().keySet(), unresolved);
    Set<String> warnings = new LinkedHashSet<>();
    for (LoadedGraph loaded : List.of(headGraph, baseGraph)) {
      loaded.diagnostics().stream().map(Diagnostic::toString).forEach(warnings::add);
    }
    // A stack component that cannot be generated hides units: the stack is incomplete.
    for (UnresolvedComponent component : headGraph.unresolvedStacks()) {
      Path file = component.location().file();
      unresolved.add(new StackResult.Unresolved(RepoPaths.relative(headTree.root(), file.getParent()),
          RepoPaths.relative(headTree.root(), file), component.location().line(),
          component.component() + ": " + component.reason(), "head"));
    }
    SortedSet<String> missing = new TreeSet<>();
    headGraph.graph().missing().forEach((target, referrers) -> referrers.forEach(unit -> missing.add(unit + " -> " + target)));
    return new StackResult(base.name(), head.name(), request.diff(), stack, grown.unmapped(), grown.ignored(), excluded,
        unresolved, List.copyOf(warnings), missing);
  }

  private static Repository open(Path repo) throws StackException, IOException {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(repo.toFile());
    if (builder.getGitDir() == null) {
      throw new StackException(repo + ": not a git repository");
    }
    try {
      return builder.build();
    } catch (RepositoryNotFoundException e) {
      throw new StackException(repo + ": not a git repository");
    }
  }

  private static RepoSettings settings(GitTree target) throws StackException, IOException {
    Path file = target.root().resolve(RepoSettings.FILE_NAME);
    if (!target.isFile(file)) {
      return RepoSettings.defaults();
    }
    String name = RepoSettings.FILE_NAME + " at " + target.commit().abbreviate(10).name();
    try {
      return RepoSettings.parse(name, target.read(file));
    } catch (SettingsException e) {
      throw new StackException(e.getMessage());
    }
  }

  /** Loads one of the graphs. */
  @FunctionalInterface
  private interface GraphLoad {
    LoadedGraph load() throws ConfigException, GraphCycleException;
  }

  private static LoadedGraph load(GitTree tree, String name, GraphLoad load) throws StackException {
    try {
      return load.load();
    } catch (ConfigException | GraphCycleException e) {
      String prefix = name + " " + tree.commit().abbreviate(10).name() + ": ";
      throw new StackException(Arrays.stream(e.getMessage().split("\n"))
          .map(line -> line.startsWith(" ") ? line : prefix + line)
          .collect(Collectors.joining("\n")));
    }
  }

  private static void unresolved(
      UnitGraph graph, Path root, String tree, Set<String> units, List<StackResult.Unresolved> into) {
    List<StackResult.Unresolved> found = new ArrayList<>();
    for (String path : units) {
      UnitNode unit = graph.unit(path);
      for (UnresolvedEdge edge : unit.unresolved()) {
        Path file = edge.location().file();
        found.add(new StackResult.Unresolved(path, file.isAbsolute() ? RepoPaths.relative(root, file) : file.toString(),
            edge.location().line(), edge.expression(), tree, edge.reason()));
      }
    }
    found.sort(Comparator.comparing(StackResult.Unresolved::unit).thenComparing(StackResult.Unresolved::file)
        .thenComparingInt(StackResult.Unresolved::line));
    into.addAll(found);
  }

  /**
   * The settings' ignore globs plus {@value RepoSettings#FILE_NAME} itself: the policy governs
   * deploys and deploys nothing, so a change to it selects no unit and leaves the stack complete.
   */
  private static List<String> ignoreGlobs(RepoSettings settings) {
    List<String> globs = new ArrayList<>(settings.ignore());
    globs.add(RepoSettings.FILE_NAME);
    return globs;
  }
}
