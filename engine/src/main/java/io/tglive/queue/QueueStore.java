package io.tglive.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.run.state.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The files of a queue directory: {@code snapshot.json} (every entry as of a journal line, replaced
 * atomically) and {@code journal-<seq>.jsonl} (the operations after snapshot {@code seq}, appended and
 * forced to disk one line per operation). Every operation holds an exclusive lock on {@code lock}, so
 * processes and threads that share the directory see each other's operations and never lose one.
 *
 * <p>After {@code compactEvery} lines the journal is sealed (a last {@code SEALED} line, forced), the
 * snapshot is rewritten, an empty journal for the new snapshot is created, and the old one is deleted.
 * A crash anywhere in between leaves a sealed journal, which the next operation finishes compacting.
 * A last line cut short by a crash is ignored and overwritten.
 */
final class QueueStore implements AutoCloseable {

  static final String LOCK = "lock";
  static final String SNAPSHOT = "snapshot.json";

  static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One lock per directory within this JVM: a file lock is held by the process, not by a thread. */
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path directory;
  private final int compactEvery;
  private final Clock clock;
  private final ReentrantLock jvmLock;
  private final FileChannel lockChannel;

  private QueueState state;
  private long generation = -1;
  private long validBytes;
  private int journalLines;

  /** An operation: reads the state, decides, and says what to write (or nothing). */
  interface Operation<T> {
    Decision<T> decide(QueueState state) throws QueueException;
  }

  /** What an operation returns, and the journal line to write for it (null: nothing changed). */
  record Decision<T>(T value, QueueEventType type, String by, List<QueueEntry> changes) {

    static <T> Decision<T> unchanged(T value) {
      return new Decision<>(value, null, null, List.of());
    }
  }

  QueueStore(Path directory, int compactEvery, Clock clock) throws IOException {
    this.directory = directory.toAbsolutePath().normalize();
    this.compactEvery = compactEvery;
    this.clock = clock;
    Files.createDirectories(this.directory);
    this.jvmLock = JVM_LOCKS.computeIfAbsent(this.directory, d -> new ReentrantLock());
    this.lockChannel = FileChannel.open(this.directory.resolve(LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
  }

  Clock clock() {
    return clock;
  }

  /** Runs {@code operation} under the directory's lock on the current state; writes and forces its line. */
  <T> T run(Operation<T> operation) throws IOException, QueueException {
    jvmLock.lock();
    try (FileLock ignored = lockChannel.lock()) {
      refresh();
      Decision<T> decision = operation.decide(state);
      if (decision.type() != null && !decision.changes().isEmpty()) {
        QueueEvent event = new QueueEvent(state.seq() + 1, clock.instant().toString(), decision.type(), decision.by(),
            decision.changes());
        append(event);
        state.apply(event);
        if (++journalLines >= compactEvery) {
          compact(true);
        }
      }
      return decision.value();
    } finally {
      jvmLock.unlock();
    }
  }

  private Path journal(long seq) {
    return directory.resolve("journal-" + seq + ".jsonl");
  }

  /** Brings the state up to date: new lines of the current journal, or everything after a compaction. */
  private void refresh() throws IOException {
    if (state != null && Files.exists(journal(generation))) {
      if (readJournal(journal(generation), validBytes)) {
        return;
      }
    }
    reload();
  }

  private void reload() throws IOException {
    QueueSnapshot snapshot = readSnapshot();
    state = new QueueState(snapshot);
    generation = snapshot.seq();
    validBytes = 0;
    journalLines = 0;
    Path journal = journal(generation);
    if (Files.exists(journal) && !readJournal(journal, 0)) {
      compact(false); // a crash came after the seal: finish the compaction
    }
    deleteOlderJournals();
  }

  /** Journals a crash left behind after their snapshot was written. */
  private void deleteOlderJournals() throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.startsWith("journal-") && name.endsWith(".jsonl")) {
          String number = name.substring("journal-".length(), name.length() - ".jsonl".length());
          if (number.chars().allMatch(Character::isDigit) && !number.isEmpty()
              && Long.parseLong(number) < generation) {
            Files.deleteIfExists(file);
          }
        }
      }
    }
  }

  private QueueSnapshot readSnapshot() throws IOException {
    try {
      byte[] bytes = Files.readAllBytes(directory.resolve(SNAPSHOT));
      return MAPPER.readValue(bytes, QueueSnapshot.class);
    } catch (NoSuchFileException e) {
      return new QueueSnapshot(0, List.of());
    } catch (JsonProcessingException e) {
      throw new IOException(directory.resolve(SNAPSHOT) + ": not a queue snapshot: " + e.getOriginalMessage());
    }
  }

  /** Folds the whole lines of {@code journal} from byte {@code from}; false when it reached a seal. */
  private boolean readJournal(Path journal, long from) throws IOException {
    byte[] bytes;
    try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size <= from) {
        return true;
      }
      ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - from));
      while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
        // read to the end
      }
      bytes = buffer.array();
    }
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end == bytes.length) {
        break; // a last line cut short by a crash
      }
      String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      QueueEvent event;
      try {
        event = MAPPER.readValue(line, QueueEvent.class);
      } catch (JsonProcessingException e) {
        throw new IOException(journal + ": byte " + (from + start) + ": not a queue journal line: "
            + e.getOriginalMessage());
      }
      start = end + 1;
      validBytes = from + start;
      if (event.type() == QueueEventType.SEALED) {
        return false;
      }
      try {
        state.apply(event);
      } catch (IllegalStateException e) {
        throw new IOException(journal + ": " + e.getMessage());
      }
      journalLines++;
    }
    return true;
  }

  private void append(QueueEvent event) throws IOException {
    byte[] line = (MAPPER.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
    boolean created = validBytes == 0 && !Files.exists(journal(generation));
    try (FileChannel channel = FileChannel.open(journal(generation), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      if (channel.size() > validBytes) {
        channel.truncate(validBytes); // a line cut short by a crash
      }
      ByteBuffer buffer = ByteBuffer.wrap(line);
      long position = validBytes;
      while (buffer.hasRemaining()) {
        position += channel.write(buffer, position);
      }
      channel.force(false);
      validBytes = position;
    }
    if (created) {
      forceDirectory();
    }
  }

  private void forceDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some file systems cannot force a directory; the file's own content is forced
    }
  }

  /** Seals the journal, writes the snapshot, starts an empty journal and deletes the old one. */
  private void compact(boolean seal) throws IOException {
    Path old = journal(generation);
    if (seal) {
      QueueEvent sealLine = new QueueEvent(state.seq(), clock.instant().toString(), QueueEventType.SEALED, null,
          List.of());
      append(sealLine);
    }
    AtomicFiles.write(directory.resolve(SNAPSHOT), MAPPER.writeValueAsBytes(state.snapshot()));
    long next = state.seq();
    if (next != generation) {
      try (FileChannel created = FileChannel.open(journal(next), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE)) {
        created.force(true);
      }
      forceDirectory();
      Files.deleteIfExists(old);
    }
    generation = next;
    validBytes = 0;
    journalLines = 0;
  }

  @Override
  public void close() throws IOException {
    lockChannel.close();
  }
}
