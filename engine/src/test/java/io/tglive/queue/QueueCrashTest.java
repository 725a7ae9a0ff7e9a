package io.tglive.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills writer processes ({@link QueueCrashWriter}, two at a time on one queue directory) with SIGKILL
 * at random moments, {@code tglive.queue.kills} times (1,000 by default; {@code -Pqueue-crash-test}
 * runs more), and after every kill checks the directory from a fresh handle: every acknowledged add is
 * there exactly once, no entry is there twice or came from nowhere, at most one entry deploys per
 * queue, and a pull request waits at most once. A fresh directory is started every 100 kills so the
 * run's cost does not grow with its length.
 */
class QueueCrashTest {

  private static final int WRITERS = 2;
  private static final int KILLS_PER_DIRECTORY = 100;

  @TempDir Path tmp;

  @Test
  void killedWritersNeverLoseOrDuplicateAnEntryAndNeverDeployTwoAtOnce() throws Exception {
    int kills = Integer.getInteger("tglive.queue.kills", 1000);
    List<String> jvm = WriterJvm.options(tmp);
    Random random = new Random(Long.getLong("tglive.queue.seed", System.nanoTime()));
    long started = System.nanoTime();
    int inFlightAdds = 0;
    int inFlightKept = 0;
    int entries = 0;
    int done = 0;
    int directoryNumber = 0;
    while (done < kills) {
      Path directory = tmp.resolve("q" + directoryNumber++);
      Deque<Writer> writers = new ArrayDeque<>();
      List<Writer> all = new ArrayList<>();
      int spawned = 0;
      try {
        for (int i = 0; i < WRITERS; i++) {
          Writer writer = Writer.start(jvm, directory, tmp, directoryNumber + "-" + spawned++, random.nextLong());
          writers.add(writer);
          all.add(writer);
        }
        for (int k = 0; k < KILLS_PER_DIRECTORY && done < kills; k++) {
          Writer victim = writers.poll();
          victim.awaitReady();
          Thread.sleep(random.nextInt(150));
          victim.process.destroyForcibly();
          assertThat(victim.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
          done++;
          Writer replacement = Writer.start(jvm, directory, tmp, directoryNumber + "-" + spawned++, random.nextLong());
          writers.add(replacement);
          all.add(replacement);
          Check check = check(directory, all);
          if (victim.output().inFlight() != null) {
            inFlightAdds++;
            if (check.heads().contains(victim.output().inFlight())) {
              inFlightKept++;
            }
          }
          entries = check.entries();
        }
      } finally {
        for (Writer writer : all) { // also when a check failed: no writer outlives the test
          writer.process.destroyForcibly();
          writer.process.waitFor(30, TimeUnit.SECONDS);
        }
      }
      entries = check(directory, all).entries();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("queue crash test: %d kills over %d directories in %ds; %d kills inside an add "
        + "(%d of those adds kept), last directory %d entries; class-data archive: %s%n", done, directoryNumber,
        elapsed.toSeconds(), inFlightAdds, inFlightKept, entries, jvm.stream().anyMatch(o -> o.startsWith(
            "-XX:SharedArchiveFile")) ? "yes" : "no");
    assertThat(done).isEqualTo(kills);
  }

  private record Check(Set<String> heads, int entries) {}

  private static Check check(Path directory, List<Writer> writers) throws Exception {
    Set<String> acknowledged = new HashSet<>(); // read before the state: every one of them must be there
    for (Writer writer : writers) {
      acknowledged.addAll(writer.output().acknowledged());
    }
    QueueState state;
    try (DeployQueue queue = DeployQueue.open(directory)) {
      state = queue.state();
    }
    Set<String> begun = new HashSet<>(); // read after: the live writers may have added since
    for (Writer writer : writers) {
      begun.addAll(writer.output().begun());
    }
    Map<String, Integer> copies = new HashMap<>();
    for (QueueEntry entry : state.entries()) {
      copies.merge(entry.headCommit(), 1, Integer::sum);
    }
    assertThat(copies).as("no entry twice").allSatisfy((head, count) -> assertThat(count).as(head).isEqualTo(1));
    assertThat(begun).as("no entry from nowhere").containsAll(copies.keySet());
    assertThat(copies.keySet()).as("every acknowledged add is there").containsAll(acknowledged);
    for (String queue : QueueCrashWriter.QUEUES) {
      assertThat(state.entries().stream()
          .filter(e -> e.queue().equals(queue) && e.state() == EntryState.DEPLOYING))
          .as("at most one deploying in " + queue).hasSizeLessThanOrEqualTo(1);
      Map<Integer, Integer> waitingPerPr = new HashMap<>();
      state.waiting(queue).forEach(e -> waitingPerPr.merge(e.pr(), 1, Integer::sum));
      assertThat(waitingPerPr.values()).as("a pull request waits once in " + queue).allMatch(n -> n == 1);
    }
    return new Check(copies.keySet(), copies.size());
  }

  /** What a writer printed: adds begun, adds acknowledged, and the add it was inside when it died. */
  private record Output(Set<String> begun, Set<String> acknowledged, String inFlight, boolean ready) {}

  private record Writer(Process process, Path log) {

    static Writer start(List<String> jvm, Path directory, Path tmp, String name, long seed) throws IOException {
      Path log = tmp.resolve("writer-" + name + ".log");
      List<String> argv = new ArrayList<>(jvm);
      argv.addAll(List.of(QueueCrashWriter.class.getName(), directory.toString(), name, Long.toString(seed)));
      Process process = new ProcessBuilder(argv)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      return new Writer(process, log);
    }

    void awaitReady() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!output().ready()) {
        if (!process.isAlive()) {
          throw new AssertionError("a writer died by itself:\n" + Files.readString(log));
        }
        assertThat(System.nanoTime()).as("writer ready within 120 s").isLessThan(deadline);
        Thread.sleep(2);
      }
    }

    Output output() throws IOException {
      Set<String> begun = new HashSet<>();
      Set<String> acknowledged = new HashSet<>();
      String inFlight = null;
      boolean ready = false;
      if (!Files.exists(log)) {
        return new Output(begun, acknowledged, null, false);
      }
      String text = Files.readString(log);
      for (String line : text.split("\n", -1)) {
        if (line.equals("READY")) {
          ready = true;
        } else if (line.startsWith("B ")) {
          begun.add(line.substring(2));
          inFlight = line.substring(2);
        } else if (line.startsWith("A ")) {
          acknowledged.add(line.substring(2));
          inFlight = null;
        } else if (!line.isEmpty() && !process.isAlive() && process.exitValue() != 137) {
          throw new AssertionError("a writer failed:\n" + text);
        }
      }
      return new Output(begun, acknowledged, inFlight, ready);
    }
  }
}
