package io.tglive.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every entry of a queue directory, folded from its snapshot and journal; answers the questions decisions ask. */
public final class QueueState {

  /** Deploy order among waiting entries: the latest override first, then merge time, then arrival. */
  public static final Comparator<QueueEntry> ORDER = Comparator.comparingLong(QueueEntry::priority).reversed()
      .thenComparing(e -> Instant.parse(e.mergedAt()))
      .thenComparingLong(QueueEntry::id);

  private final Map<Long, QueueEntry> entries = new TreeMap<>();
  private long seq;
  private long maxId;
  private long maxPriority;

  QueueState() {}

  QueueState(QueueSnapshot snapshot) {
    seq = snapshot.seq();
    snapshot.entries().forEach(this::put);
  }

  void apply(QueueEvent event) {
    if (event.seq() != seq + 1) {
      throw new IllegalStateException("queue journal line " + event.seq() + " follows " + seq);
    }
    seq = event.seq();
    event.entries().forEach(this::put);
  }

  private void put(QueueEntry entry) {
    entries.put(entry.id(), entry);
    maxId = Math.max(maxId, entry.id());
    maxPriority = Math.max(maxPriority, entry.priority());
  }

  /** The sequence number of the last operation folded in. */
  public long seq() {
    return seq;
  }

  long nextId() {
    return maxId + 1;
  }

  long nextPriority() {
    return maxPriority + 1;
  }

  QueueSnapshot snapshot() {
    return new QueueSnapshot(seq, List.copyOf(entries.values()));
  }

  /** Every entry ever added, by id. */
  public Collection<QueueEntry> entries() {
    return List.copyOf(entries.values());
  }

  /** The names of the queues that have entries. */
  public List<String> queues() {
    TreeSet<String> names = new TreeSet<>();
    entries.values().forEach(e -> names.add(e.queue()));
    return List.copyOf(names);
  }

  /** The entry deploying in {@code queue}, if one is. */
  public Optional<QueueEntry> deploying(String queue) {
    return entries.values().stream()
        .filter(e -> e.queue().equals(queue) && e.state() == EntryState.DEPLOYING)
        .findFirst();
  }

  /** The waiting entries of {@code queue} in deploy order. */
  public List<QueueEntry> waiting(String queue) {
    List<QueueEntry> waiting = new ArrayList<>();
    for (QueueEntry entry : entries.values()) {
      if (entry.queue().equals(queue) && entry.state().pending()) {
        waiting.add(entry);
      }
    }
    waiting.sort(ORDER);
    return waiting;
  }

  /** The waiting entry of pull request {@code pr} in {@code queue}, if it has one. */
  public Optional<QueueEntry> waitingFor(String queue, int pr) {
    return entries.values().stream()
        .filter(e -> e.queue().equals(queue) && e.pr() == pr && e.state().pending())
        .findFirst();
  }

  /** The entry with this id, if there is one. */
  public Optional<QueueEntry> entry(long id) {
    return Optional.ofNullable(entries.get(id));
  }
}
