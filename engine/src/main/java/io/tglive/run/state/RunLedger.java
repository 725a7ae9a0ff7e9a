package io.tglive.run.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The durable record of one run in its directory: every event goes to the journal
 * ({@code journal.jsonl}) and into the in-memory {@link RunState}. {@link #record} returns once the
 * event is on disk when a resumed run depends on it (a process started, an apply started or ended,
 * a gate decision, a failure, the run's own events); the other events (planning, plans, no changes,
 * blocked units) are forced with the next such event, and a crash that loses them only makes the
 * resumed run plan again. The snapshot ({@code state.json}, replaced atomically) is rewritten at
 * most once a second as units finish, and when the run starts, resumes, ends or is closed.
 */
public final class RunLedger implements AutoCloseable {

  /** The journal's file name in a run directory. */
  public static final String JOURNAL = "journal.jsonl";
  /** The snapshot's file name in a run directory. */
  public static final String SNAPSHOT = "state.json";

  private final Path directory;
  private final RunJournal journal;
  private final RunState state;
  private static final java.util.Set<EventType> FORCED = java.util.EnumSet.of(EventType.RUN_STARTED,
      EventType.RUN_RESUMED, EventType.RUN_ENDED, EventType.PROCESS_STARTED, EventType.GATED,
      EventType.APPLY_STARTED, EventType.APPLIED, EventType.FAILED);
  private static final long SNAPSHOT_INTERVAL_NANOS = 1_000_000_000L;

  private volatile RunListener listener = RunListener.NONE;
  private final java.util.List<RunListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private long lastSnapshot = System.nanoTime() - SNAPSHOT_INTERVAL_NANOS;

  private RunLedger(Path directory, RunJournal journal, RunState state) {
    this.directory = directory;
    this.journal = journal;
    this.state = state;
  }

  /** Starts the record of a new run in an empty or missing directory. */
  public static RunLedger create(Path directory, RunHeader header) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(JOURNAL);
    if (Files.exists(file) && Files.size(file) > 0) {
      throw new IOException(directory + " already holds a run; resume it with --resume");
    }
    RunLedger ledger = new RunLedger(directory, RunJournal.open(file, RunJournal.read(file)), new RunState());
    ledger.record(RunEvent.of(EventType.RUN_STARTED, null).withHeader(header));
    return ledger;
  }

  /** Reads the record of an earlier run, to continue it. */
  public static RunLedger open(Path directory) throws IOException {
    Path file = directory.resolve(JOURNAL);
    RunJournal.Loaded loaded = RunJournal.read(file);
    if (loaded.events().isEmpty() || loaded.events().get(0).type() != EventType.RUN_STARTED) {
      throw new IOException(directory + ": not a run directory (no " + JOURNAL + " starting with the run)");
    }
    RunState state = new RunState();
    loaded.events().forEach(state::apply);
    return new RunLedger(directory, RunJournal.open(file, loaded), state);
  }

  /** Who to tell of each event from now on. */
  public void listen(RunListener value) {
    this.listener = value;
  }

  /** Also tells {@code value} of each event from now on, besides the listener of {@link #listen}. */
  public void addListener(RunListener value) {
    listeners.add(value);
  }

  /** Appends an event, folds it into the state, tells the listener, and forces it to disk if needed. */
  public RunEvent record(RunEvent event) {
    try {
      RunEvent written;
      synchronized (this) {
        written = journal.append(event);
        state.apply(written);
        boolean unitFinished = written.unit() != null && state.units().containsKey(written.unit())
            && state.units().get(written.unit()).status().terminal();
        if (written.unit() == null || unitFinished && System.nanoTime() - lastSnapshot >= SNAPSHOT_INTERVAL_NANOS) {
          writeSnapshot();
        }
        listener.recorded(written, state);
        for (RunListener other : listeners) {
          other.recorded(written, state);
        }
      }
      if (FORCED.contains(written.type())) {
        journal.sync(written.seq());
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the run in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code reader} on the state while no event can be recorded. */
  public synchronized <T> T read(java.util.function.Function<RunState, T> reader) {
    return reader.apply(state);
  }

  /** The run directory. */
  public Path directory() {
    return directory;
  }

  private void writeSnapshot() throws IOException {
    lastSnapshot = System.nanoTime();
    AtomicFiles.write(directory.resolve(SNAPSHOT), RunJournal.MAPPER.writerWithDefaultPrettyPrinter()
        .writeValueAsBytes(RunSnapshot.of(state)));
  }

  @Override
  public synchronized void close() throws IOException {
    journal.sync(state.lastSeq());
    writeSnapshot();
    journal.close();
  }
}
