package io.tglive.bench;

import io.tglive.conformance.Terragrunt;
import io.tglive.conformance.TerragruntGraph;
import io.tglive.config.HclFileCache;
import io.tglive.graph.GraphLoader;
import io.tglive.graph.LoadOptions;
import io.tglive.graph.LoadedGraph;
import io.tglive.graph.SkippedDirectories;
import io.tglive.repo.DiskTree;
import io.tglive.repo.RepoTree;
import io.tglive.testing.RealTools;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Measures {@link GraphLoader} on synthetic repositories ({@link SyntheticLiveRepo}) of several
 * sizes in one warm JVM: median build time, units per second, the ratio to a floor that only walks
 * the same tree and reads every {@code .hcl} file (walking on one thread and reading on a pool of
 * the loader's parallelism as the walk finds files, as the loader does), the peak heap during
 * the timed runs (sum of the heap pools' peaks: an upper bound, young generation included), what
 * one loaded graph keeps alive once its file cache is dropped, and GC time per build. Floor and
 * build runs alternate after a warm-up of 3 to 12 runs of each (30 seconds at most).
 *
 * <p>When {@code scripts/install-tools} has installed the real terragrunt ({@link RealTools}), the
 * same tree (already in the file cache) is also given once to {@code terragrunt find --dag --json
 * --dependencies --exclude} (a new process, as terragrunt always runs) and the row shows its time
 * and our build time as a ratio of it; terragrunt is timed only up to {@value #TERRAGRUNT_MAX_UNITS}
 * units, as it takes minutes beyond (about 95 s for 1,000 units on a loaded 2-core machine).
 *
 * <p>Run: {@code ./mvnw -q -pl engine test-compile exec:exec@graph-bench} (sizes default to
 * 1000,10000,50000; set {@code -Dgraph.bench.sizes=...}; the JVM runs with {@code -Xmx1g}).
 */
public final class GraphBenchmark {

  private static final int RUNS = 7;
  private static final int MIN_WARMUP_RUNS = 3;
  private static final int MAX_WARMUP_RUNS = 12;
  private static final long WARMUP_BUDGET_NANOS = 30_000_000_000L;
  private static final int TERRAGRUNT_MAX_UNITS = 1_000;

  private GraphBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,50000").split(","))
        .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    int parallelism = Runtime.getRuntime().availableProcessors();
    System.out.printf("graph benchmark: %d processors, max heap %d MB, %d runs per size (median)%n",
        parallelism, Runtime.getRuntime().maxMemory() >> 20, RUNS);
    int terragruntMax = TERRAGRUNT_MAX_UNITS;
    Terragrunt terragrunt = RealTools.installed()
        ? new Terragrunt(RealTools.terragrunt(), RealTools.env(), Duration.ofMinutes(30))
        : null;
    System.out.println(terragrunt == null
        ? "terragrunt: not installed (scripts/install-tools), not timed"
        : "terragrunt: " + terragrunt.version() + ", timed up to " + terragruntMax + " units");
    System.out.printf("%8s %10s %10s %12s %8s %12s %10s %10s %10s %10s%n",
        "units", "build ms", "floor ms", "units/s", "ratio", "peak heap MB", "graph MB", "gc ms/run",
        "tg ms", "ours/tg");
    Path base = Files.createTempDirectory("tglive-graph-bench");
    try {
      for (int size : sizes) {
        Path repo = base.resolve("repo-" + size);
        SyntheticLiveRepo.generate(repo, size, 42L);
        measure(repo, size, parallelism, size <= terragruntMax ? terragrunt : null);
      }
    } finally {
      delete(base);
    }
  }

  private static void measure(Path repo, int size, int parallelism, Terragrunt terragrunt) throws Exception {
    RepoTree tree = new DiskTree(repo);
    LoadOptions options = new LoadOptions(java.util.Map.of(), false, parallelism);
    // Warm both paths up (the JIT needs several 10,000-unit builds on two cores before timings
    // settle), within a time budget so that the largest sizes do not take minutes.
    long warmupEnd = System.nanoTime() + WARMUP_BUDGET_NANOS;
    for (int i = 0; i < MAX_WARMUP_RUNS && (i < MIN_WARMUP_RUNS || System.nanoTime() < warmupEnd); i++) {
      floor(tree, parallelism);
      GraphLoader.load(tree, options, new HclFileCache());
    }
    // Floor and build alternate, so a slow spell of the machine weighs on both alike.
    long[] floors = new long[RUNS];
    long[] builds = new long[RUNS];
    long gc = 0;
    resetPeaks();
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      floor(tree, parallelism);
      floors[i] = System.nanoTime() - start;
      long gcBefore = gcMillis();
      start = System.nanoTime();
      GraphLoader.load(tree, options, new HclFileCache());
      builds[i] = System.nanoTime() - start;
      gc += gcMillis() - gcBefore;
    }
    long peakHeap = peakHeapMegabytes();
    // What a loaded graph keeps alive (after the timed runs: a full collection upsets the next few).
    System.gc();
    long before = usedHeap();
    LoadedGraph loaded = GraphLoader.load(tree, options, new HclFileCache());
    if (loaded.graph().units().size() != size) {
      throw new IllegalStateException("expected " + size + " units, loaded " + loaded.graph().units().size());
    }
    System.gc();
    long graphBytes = usedHeap() - before;
    loaded = null;

    long build = median(builds);
    long floor = median(floors);
    long terragruntTime = terragrunt == null ? 0 : timeTerragrunt(terragrunt, repo, size);
    System.out.printf("%8d %10.0f %10.0f %12.0f %8.2f %12d %10d %10d %10s %10s%n",
        size, build / 1e6, floor / 1e6, size / (build / 1e9), (double) build / floor,
        peakHeap, graphBytes >> 20, gc / RUNS,
        terragrunt == null ? "-" : String.format("%.0f", terragruntTime / 1e6),
        terragrunt == null ? "-" : String.format("%.3f", (double) build / terragruntTime));
  }

  /** The time of one {@code terragrunt find --dag} on the tree, which must find every unit. */
  private static long timeTerragrunt(Terragrunt terragrunt, Path repo, int size) throws Exception {
    long start = System.nanoTime();
    TerragruntGraph found = terragrunt.findDag(repo);
    long time = System.nanoTime() - start;
    if (found.units().size() != size) {
      throw new IllegalStateException("terragrunt found " + found.units().size() + " units, expected " + size);
    }
    return time;
  }

  /**
   * Walks the tree with the loader's skip rules on this thread and reads every {@code .hcl} file
   * on a pool as the walk finds it, as the loader evaluates each unit: nothing else.
   */
  private static long floor(RepoTree tree, int parallelism) throws Exception {
    AtomicLong chars = new AtomicLong();
    ForkJoinPool pool = new ForkJoinPool(parallelism);
    try {
      List<Future<?>> reads = new ArrayList<>();
      walk(tree, tree.root(), file -> reads.add(pool.submit(() -> {
        chars.addAndGet(new String(tree.read(file), StandardCharsets.UTF_8).length());
        return null;
      })));
      for (Future<?> read : reads) {
        read.get();
      }
    } finally {
      pool.shutdown();
    }
    return chars.get();
  }

  private static void walk(RepoTree tree, Path directory, Consumer<Path> hclFile) throws IOException {
    for (Path entry : tree.list(directory)) {
      String name = entry.getFileName().toString();
      if (name.endsWith(".hcl")) {
        hclFile.accept(entry);
      } else if (!SkippedDirectories.ALWAYS.contains(name) && tree.isPlainDirectory(entry)) {
        walk(tree, entry, hclFile);
      }
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
  private static long peakHeapMegabytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
