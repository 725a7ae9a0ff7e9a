package io.tglive.queue;

import static io.tglive.queue.DeployQueueTest.REPO;
import static io.tglive.queue.DeployQueueTest.merged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueStoreTest {

  @TempDir Path dir;

  private DeployQueue open(int compactEvery) throws Exception {
    return DeployQueue.open(dir, Clock.systemUTC(), compactEvery);
  }

  private List<String> journals() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("journal-")).sorted().toList();
    }
  }

  @Test
  void theQueueSurvivesReopeningAndSnapshotsReplaceOldJournals() throws Exception {
    try (DeployQueue queue = open(4)) {
      for (int pr = 1; pr <= 10; pr++) {
        queue.add(merged(pr, "c" + pr, null));
      }
      queue.next(REPO);
      queue.override(REPO, 7, "admin");
    }
    assertThat(journals()).as("one journal after the last snapshot").containsExactly("journal-12.jsonl");
    assertThat(Files.exists(dir.resolve(QueueStore.SNAPSHOT))).isTrue();
    try (DeployQueue reopened = open(4)) {
      QueueState state = reopened.state();
      assertThat(state.seq()).isEqualTo(12);
      assertThat(state.deploying(REPO).orElseThrow().pr()).isEqualTo(1);
      assertThat(state.waiting(REPO)).extracting(QueueEntry::pr).containsExactly(7, 2, 3, 4, 5, 6, 8, 9, 10);
    }
  }

  @Test
  void aLastLineCutShortByACrashIsIgnoredAndOverwritten() throws Exception {
    try (DeployQueue queue = open(1000)) {
      queue.add(merged(1, "c1", null));
    }
    Path journal = dir.resolve("journal-0.jsonl");
    Files.writeString(journal, "{\"seq\":2,\"type\":\"ADDED\",\"entr", StandardOpenOption.APPEND);
    try (DeployQueue queue = open(1000)) {
      assertThat(queue.state().entries()).hasSize(1);
      queue.add(merged(2, "c2", null));
    }
    assertThat(Files.readAllLines(journal)).hasSize(2).allMatch(line -> line.startsWith("{\"seq\":"));
    try (DeployQueue queue = open(1000)) {
      assertThat(queue.state().waiting(REPO)).extracting(QueueEntry::pr).containsExactly(1, 2);
    }
  }

  @Test
  void aJournalSealedBeforeItsSnapshotWasWrittenIsCompactedByTheNextOperation() throws Exception {
    try (DeployQueue queue = open(1000)) {
      queue.add(merged(1, "c1", null));
      queue.add(merged(2, "c2", null));
    }
    // the crash came right after the seal line was forced
    Files.writeString(dir.resolve("journal-0.jsonl"), "{\"seq\":2,\"type\":\"SEALED\"}\n", StandardOpenOption.APPEND);
    try (DeployQueue queue = open(1000)) {
      assertThat(queue.state().waiting(REPO)).extracting(QueueEntry::pr).containsExactly(1, 2);
      queue.add(merged(3, "c3", null));
    }
    assertThat(journals()).containsExactly("journal-2.jsonl");
    assertThat(new String(Files.readAllBytes(dir.resolve(QueueStore.SNAPSHOT)), StandardCharsets.UTF_8))
        .startsWith("{\"seq\":2,");
    try (DeployQueue queue = open(1000)) {
      assertThat(queue.state().waiting(REPO)).extracting(QueueEntry::pr).containsExactly(1, 2, 3);
    }
  }

  @Test
  void aCorruptLineInsideTheJournalIsAnErrorNamingTheFile() throws Exception {
    Files.writeString(dir.resolve("journal-0.jsonl"), "not json\n");
    try (DeployQueue queue = open(1000)) {
      assertThatThrownBy(queue::state).hasMessageStartingWith(dir.resolve("journal-0.jsonl").toAbsolutePath()
          + ": byte 0: not a queue journal line:");
    }
  }

  @Test
  void twoHandlesOnOneDirectorySeeEachOtherAcrossSnapshotsAndLoseNothing() throws Exception {
    try (DeployQueue a = open(7); DeployQueue b = open(5)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        DeployQueue handle = w % 2 == 0 ? a : b;
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            handle.add(merged(writer * 1000 + i + 1, "w" + writer + "-" + i, null));
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      pool.shutdown();
      assertThat(a.state().waiting(REPO)).hasSize(200);
      assertThat(b.state().entries()).hasSize(200);
    }
    try (DeployQueue reopened = open(1000)) {
      assertThat(reopened.state().entries()).extracting(QueueEntry::id).doesNotHaveDuplicates().hasSize(200);
    }
  }
}
