package io.tglive.graph;

import io.tglive.config.ConfigException;
import io.tglive.config.DependencyEdge;
import io.tglive.config.Diagnostic;
import io.tglive.config.HclFileCache;
import io.tglive.config.Location;
import io.tglive.config.TerragruntEvaluator;
import io.tglive.config.UnitConfig;
import io.tglive.hcl.HclSyntaxException;
import io.tglive.repo.RepoTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

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
    TerragruntEvaluator evaluator = new TerragruntEvaluator(tree, options.environment(), cache);
    return load(tree, options, evaluator::evaluate, progress);
  }

  /**
   * Loads the graph of the snapshot, reusing evaluations from other snapshots loaded with the same
   * evaluation cache (see {@link EvaluationCache} for when an evaluation is reused).
   */
  public static LoadedGraph load(
      RepoTree tree, LoadOptions options, HclFileCache cache, EvaluationCache evaluations)
      throws ConfigException, GraphCycleException {
    TerragruntEvaluator evaluator = new TerragruntEvaluator(tree, options.environment(), cache);
    EvaluationCache.Snapshot snapshot = evaluations.snapshot(tree, options.environment());
    return load(tree, options, directory -> snapshot.evaluate(directory, evaluator::evaluate), LoadProgress.NONE);
  }

  /** Evaluates one unit directory; the seam between discovery and configuration evaluation. */
  @FunctionalInterface
  interface UnitEvaluator {
    UnitConfig evaluate(Path unitDirectory) throws ConfigException;
  }

  /** The outcome of evaluating one candidate directory: a configuration or an error message. */
  private record Evaluation(Path directory, UnitConfig config, String error) {}

  static LoadedGraph load(
      RepoTree tree, LoadOptions options, UnitEvaluator evaluator, LoadProgress progress)
      throws ConfigException, GraphCycleException {
    Path root = tree.root();
    RepoScan scan = RepoScan.of(tree);
    List<Evaluation> evaluations = evaluateAll(scan.unitDirectories(), options, evaluator, progress);

    Set<Path> included = new HashSet<>();
    for (Evaluation evaluation : evaluations) {
      if (evaluation.config() != null) {
        included.addAll(evaluation.config().includes());
      }
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
              && !scan.hasTerraformFiles(directory)
              && (evaluation.config() == null || evaluation.config().terraformSource().isEmpty());
      if (rootConfiguration) {
        rootConfigurations.add(RepoPaths.relative(root, directory));
      } else if (evaluation.error() != null) {
        errors.add(evaluation.error());
      } else {
        UnitConfig config = evaluation.config();
        nodes.add(toNode(root, config));
        for (Diagnostic diagnostic : config.diagnostics()) {
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
    return new LoadedGraph(
        UnitGraph.of(nodes),
        rootConfigurations.stream().sorted().toList(),
        scan.stackFiles().stream().map(file -> RepoPaths.relative(root, file)).sorted().toList(),
        sortedDiagnostics);
  }

  private static List<Evaluation> evaluateAll(
      List<Path> directories, LoadOptions options, UnitEvaluator evaluator, LoadProgress progress) {
    int parallelism =
        options.parallelism() > 0 ? options.parallelism() : Runtime.getRuntime().availableProcessors();
    AtomicInteger done = new AtomicInteger();
    int total = directories.size();
    ForkJoinPool pool = new ForkJoinPool(parallelism);
    try {
      return pool.submit(
              () ->
                  directories.parallelStream()
                      .map(
                          directory -> {
                            Evaluation evaluation = evaluate(directory, evaluator);
                            progress.unitsEvaluated(done.incrementAndGet(), total);
                            return evaluation;
                          })
                      .toList())
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating units", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Evaluation evaluate(Path directory, UnitEvaluator evaluator) {
    try {
      return new Evaluation(directory, evaluator.evaluate(directory), null);
    } catch (ConfigException | HclSyntaxException e) {
      return new Evaluation(directory, null, e.getMessage());
    }
  }

  private static UnitNode toNode(Path root, UnitConfig config) {
    SortedMap<String, Location> dependencies = new TreeMap<>();
    for (DependencyEdge edge : config.dependencies()) {
      dependencies.putIfAbsent(RepoPaths.relative(root, edge.target()), edge.location());
    }
    SortedSet<String> reads = new TreeSet<>();
    for (Path read : config.reads()) {
      reads.add(RepoPaths.relative(root, read));
    }
    boolean excluded =
        config.exclude().map(e -> e.excludes("plan") || e.excludes("apply")).orElse(false);
    return new UnitNode(
        RepoPaths.relative(root, config.directory()), dependencies, excluded, reads, config.unresolved());
  }
}
