package io.tglive.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
  private final Map<String, Lane> lanes = new HashMap<>();
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

  /** One queue's indexes: its waiting entries in order, its deploying entry, each pull request's entries. */
  private static final class Lane {
    final TreeSet<QueueEntry> waiting = new TreeSet<>(ORDER);
    final Map<Integer, List<QueueEntry>> byPr = new HashMap<>();
    QueueEntry deploying;

    void remove(QueueEntry entry) {
      waiting.remove(entry);
      if (deploying != null && deploying.id() == entry.id()) {
        deploying = null;
      }
      byPr.get(entry.pr()).removeIf(e -> e.id() == entry.id());
    }

    void add(QueueEntry entry) {
      if (entry.state().pending()) {
        waiting.add(entry);
      } else if (entry.state() == EntryState.DEPLOYING) {
        deploying = entry;
      }
      byPr.computeIfAbsent(entry.pr(), pr -> new ArrayList<>()).add(entry);
    }
  }

  private void put(QueueEntry entry) {
    QueueEntry old = entries.put(entry.id(), entry);
    if (old != null) {
      lanes.get(old.queue()).remove(old);
    }
    lanes.computeIfAbsent(entry.queue(), q -> new Lane()).add(entry);
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
    return List.copyOf(new TreeSet<>(lanes.keySet()));
  }

  /** The entry deploying in {@code queue}, if one is. */
  public Optional<QueueEntry> deploying(String queue) {
    Lane lane = lanes.get(queue);
    return Optional.ofNullable(lane == null ? null : lane.deploying);
  }

  /** The waiting entries of {@code queue} in deploy order. */
  public List<QueueEntry> waiting(String queue) {
    Lane lane = lanes.get(queue);
    return lane == null ? List.of() : List.copyOf(lane.waiting);
  }

  /** The waiting entry of pull request {@code pr} in {@code queue}, if it has one. */
  public Optional<QueueEntry> waitingFor(String queue, int pr) {
    return ofPr(queue, pr).stream().filter(e -> e.state().pending()).findFirst();
  }

  /** Every entry of pull request {@code pr} in {@code queue}, by id. */
  public List<QueueEntry> ofPr(String queue, int pr) {
    Lane lane = lanes.get(queue);
    List<QueueEntry> found = lane == null ? null : lane.byPr.get(pr);
    return found == null ? List.of() : List.copyOf(found);
  }

  /** The first waiting entry of {@code queue}, if any (cheaper than {@link #waiting}). */
  public Optional<QueueEntry> head(String queue) {
    Lane lane = lanes.get(queue);
    return lane == null || lane.waiting.isEmpty() ? Optional.empty() : Optional.of(lane.waiting.first());
  }

  /** The entry with this id, if there is one. */
  public Optional<QueueEntry> entry(long id) {
    return Optional.ofNullable(entries.get(id));
  }
}
