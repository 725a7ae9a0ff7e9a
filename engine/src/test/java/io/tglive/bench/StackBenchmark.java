package io.tglive.bench;

import io.tglive.change.DiffMode;
import io.tglive.config.HclFileCache;
import io.tglive.graph.GraphLoader;
import io.tglive.graph.LoadOptions;
import io.tglive.repo.GitTree;
import io.tglive.stack.StackPlanner;
import io.tglive.stack.StackRequest;
import io.tglive.stack.StackResult;
import io.tglive.stack.render.StackJsonRenderer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Measures {@link StackPlanner} against one graph build: a {@link SyntheticLiveRepo} committed to
 * git, then a commit changing {@value #CHANGED_FILES} unit files, packed as a clone would be.
 * Prints the median of {@value #RUNS} alternating runs in one JVM of:
 *
 * <ul>
 *   <li>{@code graph ms}: a cold single-snapshot graph build of the head commit (index its tree,
 *       discover and evaluate every unit with a fresh file cache), what {@code tglive graph} does;
 *   <li>{@code stack ms}: everything {@code tglive stack} does: open the repository, resolve the
 *       refs and the merge base, diff, load the base graph, derive the head graph, map, close,
 *       order, and render the JSON;
 * </ul>
 *
 * <p>and their ratio (budget 1.2), with the system load average before and after, since other
 * processes skew the figures.
 *
 * <p>Run: {@code ./mvnw -q -pl engine test-compile exec:exec@stack-bench} (size defaults to
 * 10000; set {@code -Dstack.bench.size=...}; the JVM runs with {@code -Xmx1g}).
 */
public final class StackBenchmark {

  private static final int RUNS = 7;
  private static final int WARMUP_RUNS = 6;
  private static final int CHANGED_FILES = 50;

  private StackBenchmark() {}

  public static void main(String[] args) throws Exception {
    int size = Integer.parseInt(args.length > 0 ? args[0].trim() : "10000");
    Path repo = Files.createTempDirectory("tglive-stack-bench");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      List<String> units = SyntheticLiveRepo.generate(repo, size, 42L);
      RevCommit base = commit(git, "base");
      for (int i = 0; i < CHANGED_FILES; i++) {
        Path file = repo.resolve(units.get(i * units.size() / CHANGED_FILES)).resolve("terragrunt.hcl");
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "# change " + i + "\n");
      }
      RevCommit head = commit(git, CHANGED_FILES + " files");
      git.gc().call();
      LoadOptions options = new LoadOptions(Map.of(), false, 0);
      StackRequest request = new StackRequest(base.name(), head.name(), DiffMode.MERGE_BASE,
          true, false, Optional.empty(), options);

      StackResult warm = null;
      // Several warm-up rounds: on two cores the JIT needs a few 10,000-unit loads before timings settle.
      for (int i = 0; i < WARMUP_RUNS; i++) {
        graph(git, head, options);
        warm = StackPlanner.plan(repo, request);
      }
      double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long[] graphs = new long[RUNS];
      long[] stacks = new long[RUNS];
      int rendered = 0;
      for (int i = 0; i < RUNS; i++) {
        graphs[i] = graph(git, head, options);
        long start = System.nanoTime();
        rendered += StackJsonRenderer.render(StackPlanner.plan(repo, request)).length();
        stacks[i] = System.nanoTime() - start;
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long graph = median(graphs);
      long stack = median(stacks);
      System.out.printf("stack benchmark: %d units, %d changed files, %d processors, %d runs (median)%n",
          size, CHANGED_FILES, Runtime.getRuntime().availableProcessors(), RUNS);
      System.out.printf("%10s %10s %8s %12s %14s%n", "graph ms", "stack ms", "ratio", "stack units", "load avg");
      System.out.printf("%10.0f %10.0f %8.2f %12d %6.2f->%-6.2f%n",
          graph / 1e6, stack / 1e6, (double) stack / graph, warm.stack().units().size(), loadBefore, loadAfter);
      System.out.printf("graph runs ms: %s%nstack runs ms: %s%n", millis(graphs), millis(stacks));
      if (rendered == 0) {
        throw new IllegalStateException("nothing rendered");
      }
    } finally {
      delete(repo);
    }
  }

  /** One graph build of a commit's tree with a fresh cache, in nanoseconds (indexing the tree included). */
  private static long graph(Git git, ObjectId commit, LoadOptions options) throws Exception {
    long start = System.nanoTime();
    GraphLoader.load(GitTree.of(git.getRepository(), commit), options, new HclFileCache());
    return System.nanoTime() - start;
  }

  private static RevCommit commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor("bench", "bench@example.com")
        .setCommitter("bench", "bench@example.com").setSign(false).call();
  }

  private static String millis(long[] values) {
    return Arrays.toString(Arrays.stream(values).map(v -> v / 1_000_000).toArray());
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
