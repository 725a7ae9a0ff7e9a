package io.tglive.run.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only event journal of a run: one JSON object per line. {@link #append} writes a line;
 * {@link #sync} forces the journal to disk up to a line, so that concurrent callers share one
 * {@code fsync} (group commit). A last line cut short by a crash is ignored when reading (and
 * overwritten by the next append); a bad line anywhere else is an error.
 */
public final class RunJournal implements AutoCloseable {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final FileChannel channel;
  private final Object syncLock = new Object();
  private long seq;
  private volatile long durable;

  private RunJournal(FileChannel channel, long seq) {
    this.channel = channel;
    this.seq = seq;
  }

  /** Opens {@code file} for appending after the {@code events} already read from it. */
  public static RunJournal open(Path file, Loaded events) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    channel.truncate(events.validBytes());
    channel.position(events.validBytes());
    long last = events.events().isEmpty() ? 0 : events.events().get(events.events().size() - 1).seq();
    RunJournal journal = new RunJournal(channel, last);
    journal.durable = last;
    return journal;
  }

  /** Numbers, timestamps and writes one event (not yet forced to disk); returns it as written. */
  public synchronized RunEvent append(RunEvent event) throws IOException {
    RunEvent numbered = event.withSeq(seq + 1, Instant.now().toString());
    byte[] line = (MAPPER.writeValueAsString(numbered) + "\n").getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.wrap(line);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    seq++;
    return numbered;
  }

  /** Returns once every event up to {@code upTo} is on disk; one {@code fsync} serves every waiting caller. */
  public void sync(long upTo) throws IOException {
    if (durable >= upTo) {
      return;
    }
    synchronized (syncLock) {
      if (durable >= upTo) {
        return;
      }
      long target;
      synchronized (this) {
        target = seq;
      }
      channel.force(false);
      durable = target;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }

  /**
   * The events of a journal file and how many of its bytes are whole lines.
   *
   * @param events the events in order
   * @param validBytes the length of the file up to the end of the last whole event line
   */
  public record Loaded(List<RunEvent> events, long validBytes) {}

  /** Reads a journal; a missing file has no events. */
  public static Loaded read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Loaded(List.of(), 0);
    }
    byte[] bytes = Files.readAllBytes(file);
    List<RunEvent> events = new ArrayList<>();
    int start = 0;
    int lineNumber = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      lineNumber++;
      if (end == bytes.length) {
        break; // a torn last line: the crash came before its newline
      }
      String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      try {
        events.add(MAPPER.readValue(line, RunEvent.class));
      } catch (JsonProcessingException e) {
        throw new IOException(file + ":" + lineNumber + ": not a journal event: " + e.getOriginalMessage());
      }
      start = end + 1;
    }
    return new Loaded(events, start);
  }
}
