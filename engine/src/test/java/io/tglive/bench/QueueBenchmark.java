package io.tglive.bench;

import io.tglive.queue.DeployQueue;
import io.tglive.queue.Enqueue;
import io.tglive.queue.Next;
import io.tglive.queue.Outcome;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Measures {@link DeployQueue} operations against their floor, measured in the same run: appending a
 * line of the same size to a file and forcing it to disk, which every operation that changes the queue
 * must do at least once. Prints operations per second of the floor, {@code add}, {@code next} and
 * {@code complete} (each through one handle, so refreshing the state costs a file size check), of
 * {@code add} alternating between two handles (each sees the other's line first, as two processes
 * would), and each one's ratio to the floor, with the load average before and after. Every operation
 * runs a few hundred times first, unmeasured.
 *
 * <p>Run: {@code ./bench queue [N]} (N operations of each kind, default 2000).
 */
public final class QueueBenchmark {

  private QueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args.length > 0 ? args[0].trim() : "2000");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Path root = Files.createTempDirectory("tglive-queue-bench");
    try {
      warmUp(root.resolve("warm-up"), Math.min(n, 500));
      fsyncedAppends(root.resolve("floor-warm-up.jsonl"), Math.min(n, 500), 700);
      double floor = fsyncedAppends(root.resolve("floor.jsonl"), n, 700);
      double add;
      double next;
      double complete;
      double twoHandles;
      try (DeployQueue queue = DeployQueue.open(root.resolve("one"), Clock.systemUTC(),
          DeployQueue.DEFAULT_COMPACT_EVERY)) {
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
          queue.add(request(i, "a"));
        }
        add = n / seconds(start);
        long nextNanos = 0;
        long completeNanos = 0;
        for (int i = 1; i <= n; i++) {
          long t0 = System.nanoTime();
          Next started = queue.next("bench");
          long t1 = System.nanoTime();
          queue.complete("bench", started.started().pr(), Outcome.SUCCEEDED, null, 3);
          long t2 = System.nanoTime();
          nextNanos += t1 - t0;
          completeNanos += t2 - t1;
        }
        next = n / (nextNanos / 1e9);
        complete = n / (completeNanos / 1e9);
      }
      try (DeployQueue first = DeployQueue.open(root.resolve("two"), Clock.systemUTC(),
          DeployQueue.DEFAULT_COMPACT_EVERY);
           DeployQueue second = DeployQueue.open(root.resolve("two"), Clock.systemUTC(),
               DeployQueue.DEFAULT_COMPACT_EVERY)) {
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
          (i % 2 == 0 ? first : second).add(request(i, "b"));
        }
        twoHandles = n / seconds(start);
      }
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      System.out.printf("queue benchmark: %d operations each; load average %.1f before, %.1f after%n", n,
          loadBefore, loadAfter);
      System.out.printf("  %-34s %10s %8s%n", "", "ops/s", "÷ floor");
      print("floor: fsynced 700-byte appends", floor, floor);
      print("add", add, floor);
      print("next", next, floor);
      print("complete", complete, floor);
      print("add, alternating two handles", twoHandles, floor);
    } finally {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** Runs every operation a few hundred times first, so the figures are not the JIT's. */
  private static void warmUp(Path directory, int n) throws Exception {
    try (DeployQueue queue = DeployQueue.open(directory)) {
      for (int i = 1; i <= n; i++) {
        queue.add(request(i, "w"));
        queue.complete("bench", queue.next("bench").started().pr(), Outcome.SUCCEEDED, null, 3);
      }
    }
  }

  private static Enqueue request(int i, String prefix) {
    return new Enqueue("bench", "acme/live", i, "main", String.format("%s%039d", prefix, i),
        String.format("m%039d", i), "dev", null);
  }

  private static double fsyncedAppends(Path file, int n, int bytes) throws IOException {
    byte[] line = ("x".repeat(bytes - 1) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        channel.write(ByteBuffer.wrap(line));
        channel.force(false);
      }
      return n / seconds(start);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void print(String what, double opsPerSecond, double floor) {
    System.out.printf("  %-34s %10.0f %8.2f%n", what, opsPerSecond, opsPerSecond / floor);
  }
}
