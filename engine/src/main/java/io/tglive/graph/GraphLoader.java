package io.tglive.graph;

import io.tglive.config.ConfigException;
import io.tglive.config.DependencyEdge;
import io.tglive.config.Diagnostic;
import io.tglive.config.ExcludeSpec;
import io.tglive.config.HclFileCache;
import io.tglive.config.Location;
import io.tglive.config.ParentFolderLookup;
import io.tglive.config.TerragruntEvaluator;
import io.tglive.config.UnitConfig;
import io.tglive.hcl.HclSyntaxException;
import io.tglive.repo.DirectoryListings;
import io.tglive.repo.GitTree;
import io.tglive.repo.OverlayTree;
import io.tglive.repo.RepoTree;
import io.tglive.report.ControlCharacters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Discovers the units of a repository snapshot, evaluates them in parallel and builds their graph.
 *
 * <p>A unit is excluded (drawn red by {@code dag graph}) when its {@code exclude} block's condition
 * is true and its actions cover {@code plan} or {@code apply} (directly, through {@code all} or
 * {@code all_except_output}); an unknown condition does not exclude.
 */
public final class GraphLoader {

  private static final String UNIT_FILE = "terragrunt.hcl";

  private GraphLoader() {}

  /** Loads the graph of the snapshot; parsed files are shared through the cache. */
  public static LoadedGraph load(RepoTree tree, LoadOptions options, HclFileCache cache)
      throws ConfigException, GraphCycleException {
    return load(tree, options, cache, LoadProgress.NONE);
  }

  /** Loads the graph of the snapshot, reporting each evaluated unit to {@code progress}. */
  public static LoadedGraph load(
      RepoTree tree, LoadOptions options, HclFileCache cache, LoadProgress progress)
      throws ConfigException, GraphCycleException {
    return loadWithStacks(tree, options, cache, progress, false);
  }

  /**
   * Loads over an {@link OverlayTree} of {@code tree}, into which the walk generates stacks, with
   * an evaluator that reads through it.
   */
  private static LoadedGraph loadWithStacks(
      RepoTree tree, LoadOptions options, HclFileCache cache, LoadProgress progress, boolean keep)
      throws ConfigException, GraphCycleException {
    DirectoryListings listings = new DirectoryListings();
    OverlayTree overlay = new OverlayTree(tree);
    TerragruntEvaluator evaluator = new TerragruntEvaluator(overlay, options.environment(), cache, listings);
    return load(overlay, options, listings, evaluator::evaluate, new StackGeneration(overlay, evaluator::evaluateStack),
        progress, keep);
  }

  /**
   * Loads the graph of the snapshot like {@link #load(RepoTree, LoadOptions, HclFileCache)} and keeps
   * what each unit's evaluation depended on, so that {@link #loadChanged} can derive the graph of
   * another snapshot of the repository from this one.
   */
  public static LoadedGraph loadForChanges(RepoTree tree, LoadOptions options, HclFileCache cache)
      throws ConfigException, GraphCycleException {
    return loadWithStacks(tree, options, cache, LoadProgress.NONE, true);
  }

  /**
   * The graph of {@code head}, derived from {@code base}, the graph {@link #loadForChanges} (or this
   * method) loaded from {@code baseTree}, given every path that differs between the two trees
   * (repository-relative, {@code /}-separated: added, deleted and modified files, as a tree diff
   * lists them). Equal to {@code loadForChanges(head, options, cache)}:
   *
   * <ul>
   *   <li>units are the base units minus directories whose {@code terragrunt.hcl} was deleted plus
   *       those where one was added; {@code *.tf} and {@code terragrunt.stack.hcl} changes are
   *       applied the same way (the tree is walked again only in odd cases, such as a directory
   *       named like one of those files);
   *   <li>a unit is evaluated again only if something under its directory changed, a file or
   *       directory it read changed, or a path whose kind (file, directory, missing) it asked about
   *       ({@code fileexists}, {@code read_terragrunt_config}, {@code find_in_parent_folders}
   *       candidates) appeared, disappeared or changed kind; every other {@link UnitNode} is reused;
   *   <li>root configurations, missing dependencies and the graph are rebuilt from the units.
   * </ul>
   *
   * <p>Falls back to loading {@code head} afresh (still sharing parsed files through {@code cache})
   * when {@code base} kept nothing to reuse, the environment or the root differ, or either tree is
   * not a {@link GitTree} without symbolic links (a link lets one file be read under several paths).
   */
  public static LoadedGraph loadChanged(
      LoadedGraph base,
      RepoTree baseTree,
      RepoTree head,
      Collection<String> changedPaths,
      LoadOptions options,
      HclFileCache cache)
      throws ConfigException, GraphCycleException {
    Reuse reuse = base.reuse();
    if (reuse != null && !reuse.discovery().stackFiles().isEmpty()
        || changedPaths.stream().anyMatch(path -> path.endsWith(RepoScan.STACK_FILE))) {
      // Generated units read through the overlay; loading afresh is simpler than tracking that.
      return loadWithStacks(head, options, cache, LoadProgress.NONE, true);
    }
    TerragruntEvaluator evaluator = new TerragruntEvaluator(head, options.environment(), cache);
    return loadChanged(base, baseTree, head, changedPaths, options, evaluator::evaluate);
  }

  static LoadedGraph loadForChanges(RepoTree tree, LoadOptions options, UnitEvaluator evaluator)
      throws ConfigException, GraphCycleException {
    return load(tree, options, new DirectoryListings(), evaluator, null, LoadProgress.NONE, true);
  }

  static LoadedGraph loadChanged(
      LoadedGraph base,
      RepoTree baseTree,
      RepoTree head,
      Collection<String> changedPaths,
      LoadOptions options,
      UnitEvaluator evaluator)
      throws ConfigException, GraphCycleException {
    Reuse reuse = base.reuse();
    boolean linkFree = baseTree instanceof GitTree b && !b.hasSymbolicLinks()
        && head instanceof GitTree h && !h.hasSymbolicLinks();
    if (reuse == null
        || !linkFree
        || !reuse.environment().equals(options.environment())
        || !reuse.excludeDirs().equals(options.excludeDirs())
        || !reuse.root().equals(head.root())
        || !baseTree.root().equals(head.root())) {
      return load(head, options, new DirectoryListings(), evaluator, null, LoadProgress.NONE, true);
    }
    SkippedDirectories skipped = SkippedDirectories.of(options.excludeDirs());
    TreeChanges changes = TreeChanges.of(baseTree, head, changedPaths, skipped);
    Discovery discovery =
        changes.rescan() ? Discovery.of(RepoScan.of(head, skipped)) : changes.apply(reuse.discovery(), head);
    Map<Path, Evaluation> previous = new HashMap<>();
    for (Evaluation evaluation : reuse.evaluations()) {
      previous.put(evaluation.directory(), evaluation);
    }
    List<Path> again = new ArrayList<>();
    for (Path directory : discovery.unitDirectories()) {
      Evaluation earlier = previous.get(directory);
      if (earlier == null || earlier.error() != null || changes.invalidates(earlier)) {
        again.add(directory);
      }
    }
    RepoPaths paths = new RepoPaths(head.root());
    Map<Path, Evaluation> fresh = new HashMap<>();
    try (EvaluationPool pool =
        new EvaluationPool(
            options.parallelism(), directory -> evaluate(directory, evaluator, null, paths, true), LoadProgress.NONE)) {
      again.forEach(pool::submit);
      for (Evaluation evaluation : pool.results()) {
        fresh.put(evaluation.directory(), evaluation);
      }
    }
    List<Evaluation> evaluations = new ArrayList<>();
    for (Path directory : discovery.unitDirectories()) {
      evaluations.add(fresh.getOrDefault(directory, previous.get(directory)));
    }
    return assemble(head.root(), options, evaluations, discovery, List.of(), true, base.graph());
  }

  /**
   * What a graph loaded for changes keeps: the environment and root it was evaluated with, what
   * discovery found and every candidate's evaluation with what it depended on.
   */
  record Reuse(
      Path root,
      Map<String, String> environment,
      List<String> excludeDirs,
      Discovery discovery,
      List<Evaluation> evaluations) {}

  /**
   * What discovery found: directories holding a {@code terragrunt.hcl}, {@code terragrunt.stack.hcl}
   * files and directories holding {@code *.tf} files.
   */
  record Discovery(List<Path> unitDirectories, List<Path> stackFiles, Set<Path> terraformDirectories) {

    static Discovery of(RepoScan scan) {
      return new Discovery(
          List.copyOf(scan.unitDirectories()), List.copyOf(scan.stackFiles()), Set.copyOf(scan.terraformDirectories()));
    }
  }

  /** Evaluates one unit directory; the seam between discovery and configuration evaluation. */
  @FunctionalInterface
  interface UnitEvaluator {
    UnitConfig evaluate(Path unitDirectory) throws ConfigException;
  }

  /**
   * One candidate directory, evaluated and converted on a worker thread: its node and what decides
   * whether it is a root configuration, or the error that evaluating it raised. {@code reads},
   * {@code probes} and {@code lookups} are empty unless the load keeps them for {@link #loadChanged}.
   */
  record Evaluation(
      Path directory,
      UnitNode node,
      Set<Path> includes,
      boolean hasTerraformSource,
      List<Diagnostic> diagnostics,
      String error,
      Set<Path> reads,
      Set<Path> probes,
      Set<ParentFolderLookup> lookups) {

    static Evaluation failed(Path directory, String error) {
      return new Evaluation(directory, null, Set.of(), false, List.of(), error, Set.of(), Set.of(), Set.of());
    }
  }

  static LoadedGraph load(
      RepoTree tree, LoadOptions options, UnitEvaluator evaluator, LoadProgress progress)
      throws ConfigException, GraphCycleException {
    return load(tree, options, new DirectoryListings(), evaluator, null, progress, false);
  }

  /**
   * Walks the tree on this thread and evaluates each unit on the workers as soon as the walk finds
   * it, recording the walk's listings in {@code listings}, which {@code evaluator} may consult;
   * stacks are generated by {@code stacks} as the walk reaches them (none when it is null).
   */
  private static LoadedGraph load(
      RepoTree tree,
      LoadOptions options,
      DirectoryListings listings,
      UnitEvaluator evaluator,
      StackGeneration stacks,
      LoadProgress progress,
      boolean keep)
      throws ConfigException, GraphCycleException {
    RepoPaths paths = new RepoPaths(tree.root());
    Discovery discovery;
    List<Evaluation> evaluations;
    try (EvaluationPool pool = new EvaluationPool(
        options.parallelism(), directory -> evaluate(directory, evaluator, stacks, paths, keep), progress)) {
      discovery = Discovery.of(
          RepoScan.of(tree, SkippedDirectories.of(options.excludeDirs()), stacks, listings, pool::submit));
      evaluations = pool.results();
    }
    List<UnresolvedComponent> unresolvedStacks = stacks == null ? List.of() : stacks.unresolved();
    return assemble(tree.root(), options, evaluations, discovery, unresolvedStacks, keep, null);
  }

  /**
   * The graph of evaluated candidates: tells root configurations from units, collects errors and
   * diagnostics; the edges of {@code previous} (if not null) are kept when the units and their
   * dependency targets are the same.
   */
  private static LoadedGraph assemble(
      Path root,
      LoadOptions options,
      List<Evaluation> evaluations,
      Discovery discovery,
      List<UnresolvedComponent> unresolvedStacks,
      boolean keep,
      UnitGraph previous)
      throws ConfigException, GraphCycleException {
    RepoPaths paths = new RepoPaths(root);
    Set<Path> included = new HashSet<>();
    for (Evaluation evaluation : evaluations) {
      included.addAll(evaluation.includes());
    }

    List<UnitNode> nodes = new ArrayList<>();
    List<String> rootConfigurations = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<String, Diagnostic> diagnostics = new LinkedHashMap<>();
    for (Evaluation evaluation : evaluations) {
      Path directory = evaluation.directory();
      boolean rootConfiguration =
          !options.rootConfigIsUnit()
              && included.contains(directory.resolve(UNIT_FILE))
              && !discovery.terraformDirectories().contains(directory)
              && !evaluation.hasTerraformSource();
      if (rootConfiguration) {
        rootConfigurations.add(paths.relative(directory));
      } else if (evaluation.error() != null) {
        errors.add(ControlCharacters.escape(evaluation.error()));
      } else {
        nodes.add(evaluation.node());
        for (Diagnostic diagnostic : evaluation.diagnostics()) {
          diagnostics.putIfAbsent(diagnostic.toString(), diagnostic);
        }
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.naturalOrder());
      throw new ConfigException(String.join("\n", errors));
    }
    List<Diagnostic> sortedDiagnostics = new ArrayList<>(diagnostics.values());
    sortedDiagnostics.sort(
        Comparator.comparing((Diagnostic d) -> d.location().file().toString())
            .thenComparingInt(d -> d.location().line())
            .thenComparing(Diagnostic::message));
    UnitGraph same = previous == null ? null : previous.withSameEdges(nodes);
    return new LoadedGraph(
        same != null ? same : UnitGraph.of(nodes),
        rootConfigurations.stream().sorted().toList(),
        unresolvedStacks,
        sortedDiagnostics,
        keep ? new Reuse(root, options.environment(), options.excludeDirs(), discovery, List.copyOf(evaluations)) : null);
  }

  /**
   * The paths inside the repository whose appearance or disappearance may change the unit's
   * configuration, for change mapping: its probes and every candidate of its {@code
   * find_in_parent_folders} lookups inside the repository (a superset: candidates beyond the one
   * found cannot change the result). Only computed for loads that map changes, as it costs a few
   * strings per unit.
   */
  private static SortedSet<String> probes(UnitConfig config, RepoPaths paths) {
    SortedSet<String> probes = new TreeSet<>();
    List<Path> candidates = new ArrayList<>(config.probes());
    for (ParentFolderLookup lookup : config.lookups()) {
      candidates.addAll(lookup.candidates());
    }
    for (Path probe : candidates) {
      String relative = paths.relative(probe);
      if (!relative.startsWith("../") && !relative.equals("..")) {
        probes.add(relative);
      }
    }
    return probes;
  }

  /**
   * Evaluates one unit directory; what the evaluation depended on (reads, probes, lookups) is kept
   * only when {@code keep} asks for it, as a large repository's would fill the heap for nothing.
   */
  private static Evaluation evaluate(
      Path directory, UnitEvaluator evaluator, StackGeneration stacks, RepoPaths paths, boolean keep) {
    UnitConfig config;
    try {
      config = evaluator.evaluate(directory);
    } catch (ConfigException | HclSyntaxException e) {
      return Evaluation.failed(directory, e.getMessage());
    }
    SortedMap<String, Location> dependencies = new TreeMap<>();
    for (DependencyEdge edge : config.dependencies()) {
      dependencies.putIfAbsent(paths.relative(edge.target()), edge.location());
    }
    SortedSet<String> reads = new TreeSet<>();
    for (Path read : config.reads()) {
      reads.add(paths.relative(read));
    }
    if (stacks != null) {
      for (Path origin : stacks.origins(directory, config.reads())) {
        reads.add(paths.relative(origin));
      }
    }
    boolean excluded =
        config.exclude().map(e -> e.excludes("plan") || e.excludes("apply")).orElse(false);
    SortedSet<String> probes = keep ? probes(config, paths) : new TreeSet<>();
    UnitNode node = new UnitNode(
        paths.relative(config.directory()), dependencies, excluded, reads, config.unresolved(), probes,
        excluded && config.exclude().map(ExcludeSpec::excludeDependencies).orElse(false));
    return new Evaluation(
        directory, node, config.includes(), config.terraformSource().isPresent(), config.diagnostics(), null,
        keep ? config.reads() : Set.of(), keep ? config.probes() : Set.of(), keep ? config.lookups() : Set.of());
  }
}
