package io.tglive.queue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Durable deploy queues of merged pull requests, kept in one directory: merged pull requests deploy one
 * at a time per queue, in merge order; an override moves one to the front; a newer commit of a waiting
 * pull request replaces its entry in place; a release change stops the deploying entry in favour of its
 * pull request's newest commit; an entry that failed {@code maxAttempts} times is dropped. Every
 * operation is one journal line, forced to disk before it returns, under a lock shared by every process
 * and thread using the directory.
 */
public final class DeployQueue implements AutoCloseable {

  /** Attempts before an entry is dropped, unless the caller says otherwise. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Journal lines between snapshots. */
  public static final int DEFAULT_COMPACT_EVERY = 1000;

  private final QueueStore store;

  private DeployQueue(QueueStore store) {
    this.store = store;
  }

  /** Opens (creating if needed) the queue directory {@code directory}. */
  public static DeployQueue open(Path directory) throws IOException {
    return open(directory, Clock.systemUTC(), DEFAULT_COMPACT_EVERY);
  }

  /** Opens {@code directory} with a clock and a snapshot interval (tests and benchmarks). */
  public static DeployQueue open(Path directory, Clock clock, int compactEvery) throws IOException {
    if (compactEvery < 1) {
      throw new IllegalArgumentException("compactEvery must be at least 1, not " + compactEvery);
    }
    return new DeployQueue(new QueueStore(directory, compactEvery, clock));
  }

  /**
   * Adds a merged pull request to its queue. A newer commit of a pull request that is waiting replaces
   * that entry in place (its merge time, priority and attempts carry over); a newer commit of the pull
   * request that is deploying waits at the front, behind it. The same merge commit again changes nothing.
   */
  public AddResult add(Enqueue request) throws IOException, QueueException {
    validate(request);
    String queue = request.queueName();
    String now = store.clock().instant().toString();
    String mergedAt = request.mergedAt() == null || request.mergedAt().isBlank() ? now : instant(request.mergedAt());
    return store.run(state -> {
      for (QueueEntry existing : state.ofPr(queue, request.pr())) {
        if (existing.mergeCommit().equals(request.mergeCommit())
            && existing.state() != EntryState.DROPPED && existing.state() != EntryState.SUPERSEDED) {
          return QueueStore.Decision.unchanged(new AddResult(existing, null, false));
        }
      }
      Optional<QueueEntry> waiting = state.waitingFor(queue, request.pr());
      Optional<QueueEntry> deploying = state.deploying(queue).filter(e -> e.pr() == request.pr());
      Optional<QueueEntry> predecessor = waiting.or(() -> deploying);
      long id = state.nextId();
      QueueEntry entry = new QueueEntry(id, queue, request.repository(), request.pr(), request.baseRef(),
          request.headCommit(), request.mergeCommit(), request.author() == null ? "" : request.author(), now,
          predecessor.map(QueueEntry::mergedAt).orElse(mergedAt),
          predecessor.map(QueueEntry::priority).orElse(0L),
          predecessor.map(QueueEntry::attempts).orElse(0),
          EntryState.QUEUED, null, false, null);
      List<QueueEntry> changes = new ArrayList<>();
      QueueEntry superseded = null;
      if (waiting.isPresent()) {
        superseded = waiting.get().supersededBy(id, "newer commit " + QueueEntry.shortCommit(request.headCommit()));
        changes.add(superseded);
      }
      changes.add(entry);
      return new QueueStore.Decision<>(new AddResult(entry, superseded, true), QueueEventType.ADDED,
          request.author(), changes);
    });
  }

  /** Moves the waiting pull request {@code pr} to the front of {@code queue} (the caller checks the privilege). */
  public QueueEntry override(String queue, int pr, String by) throws IOException, QueueException {
    return store.run(state -> {
      QueueEntry waiting = waitingOrRefuse(state, queue, pr, "override");
      QueueEntry moved = waiting.withPriority(state.nextPriority());
      return new QueueStore.Decision<>(moved, QueueEventType.OVERRIDDEN, by, List.of(moved));
    });
  }

  /** Takes the waiting pull request {@code pr} out of {@code queue}: it is dropped with who and why. */
  public QueueEntry remove(String queue, int pr, String by, String reason) throws IOException, QueueException {
    return store.run(state -> {
      QueueEntry waiting = waitingOrRefuse(state, queue, pr, "remove");
      QueueEntry dropped = waiting.withState(EntryState.DROPPED,
          "removed by " + (by == null || by.isBlank() ? "unknown" : by) + (reason == null || reason.isBlank()
              ? "" : ": " + reason));
      return new QueueStore.Decision<>(dropped, QueueEventType.REMOVED, by, List.of(dropped));
    });
  }

  /** Starts the head of {@code queue} unless an entry is deploying there already. */
  public Next next(String queue) throws IOException, QueueException {
    return store.run(state -> {
      Optional<QueueEntry> deploying = state.deploying(queue);
      if (deploying.isPresent()) {
        return QueueStore.Decision.unchanged(new Next(null, deploying.get()));
      }
      Optional<QueueEntry> head = state.head(queue);
      if (head.isEmpty()) {
        return QueueStore.Decision.unchanged(new Next(null, null));
      }
      QueueEntry started = head.get().withState(EntryState.DEPLOYING, null);
      return new QueueStore.Decision<>(new Next(started, null), QueueEventType.STARTED, null, List.of(started));
    });
  }

  /**
   * Records how the deployment of pull request {@code pr} ended. A failure counts an attempt: with
   * attempts left the entry waits again in its place (or its newer commit does), at {@code maxAttempts}
   * it is dropped with the reason. A deployment stopped by a release change is superseded and counts no
   * attempt.
   */
  public QueueEntry complete(String queue, int pr, Outcome outcome, String reason, int maxAttempts)
      throws IOException, QueueException {
    if (maxAttempts < 1) {
      throw new QueueException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    String why = reason == null || reason.isBlank() ? null : reason;
    return store.run(state -> {
      QueueEntry deploying = deployingOrRefuse(state, queue, pr);
      Optional<QueueEntry> newer = state.waitingFor(queue, pr);
      List<QueueEntry> changes = new ArrayList<>();
      QueueEntry ended;
      if (deploying.stopRequested()) {
        String text = "release change: stopped (" + outcome.label() + (why == null ? "" : ": " + why) + ")";
        ended = newer.isPresent() ? deploying.supersededBy(newer.get().id(), text)
            : deploying.withState(EntryState.SUPERSEDED, text);
        changes.add(ended);
      } else if (outcome == Outcome.SUCCEEDED) {
        ended = deploying.withState(EntryState.SUCCEEDED, why);
        changes.add(ended);
      } else {
        int attempts = deploying.attempts() + 1;
        String failure = outcome.label() + (why == null ? "" : ": " + why);
        String dropReason = "dropped after " + attempts + " failed attempt" + (attempts == 1 ? "" : "s")
            + " (max " + maxAttempts + "); last " + failure;
        if (newer.isPresent()) {
          ended = deploying.withAttempts(attempts).supersededBy(newer.get().id(), failure + "; a newer commit waits");
          QueueEntry next = newer.get().withAttempts(attempts);
          changes.add(ended);
          changes.add(attempts >= maxAttempts ? next.withState(EntryState.DROPPED, dropReason) : next);
        } else {
          ended = attempts >= maxAttempts
              ? deploying.withAttempts(attempts).withState(EntryState.DROPPED, dropReason)
              : deploying.withAttempts(attempts).withState(
                  outcome == Outcome.ROLLED_BACK ? EntryState.ROLLED_BACK : EntryState.FAILED, failure);
          changes.add(ended);
        }
      }
      return new QueueStore.Decision<>(ended, QueueEventType.COMPLETED, null, changes);
    });
  }

  /**
   * Release change: asks the deploying entry of pull request {@code pr} to stop gracefully (running
   * applies finish, nothing new starts: its runner reads {@link #stopRequested}, or is told, as the
   * Jenkins plugin releases the build's {@code StepwiseRun}) and moves the pull
   * request's newest waiting commit to the front, so it deploys next. Returns that newest entry.
   */
  public QueueEntry releaseChange(String queue, int pr, String by) throws IOException, QueueException {
    return store.run(state -> {
      QueueEntry deploying = deployingOrRefuse(state, queue, pr);
      QueueEntry newer = state.waitingFor(queue, pr).orElseThrow(() -> new QueueException(
          "PR #" + pr + " has no newer commit waiting in queue " + queue + "; add it first"));
      if (deploying.stopRequested() && state.head(queue).orElseThrow().id() == newer.id()) {
        return QueueStore.Decision.unchanged(newer);
      }
      QueueEntry stopping = deploying.withStopRequested("release change by "
          + (by == null || by.isBlank() ? "unknown" : by) + ": deploy " + QueueEntry.shortCommit(newer.headCommit())
          + " instead");
      QueueEntry front = newer.withPriority(state.nextPriority());
      return new QueueStore.Decision<>(front, QueueEventType.RELEASE_CHANGED, by, List.of(stopping, front));
    });
  }

  /** Whether the deployment of entry {@code id} should stop (a release change asked it to). */
  public boolean stopRequested(long id) throws IOException, QueueException {
    return store.run(state -> QueueStore.Decision.unchanged(
        state.entry(id).map(QueueEntry::stopRequested).orElse(false)));
  }

  /** The entry deploying in {@code queue} now, if one is. */
  public Optional<QueueEntry> deploying(String queue) throws IOException, QueueException {
    return store.run(state -> QueueStore.Decision.unchanged(state.deploying(queue)));
  }

  /** The waiting entries of {@code queue} now, in deploy order (position 1 first). */
  public List<QueueEntry> waiting(String queue) throws IOException, QueueException {
    return store.run(state -> QueueStore.Decision.unchanged(state.waiting(queue)));
  }

  /**
   * Why a build for {@code queue} must wait now, or empty when it may run: while an entry deploys, only
   * the build of that entry ({@code entryId}) runs; any other build of the queue (another entry's, or one
   * started by hand, {@code entryId} null) waits, {@code waiting: PR #12 is deploying}.
   */
  public Optional<String> blockedReason(String queue, Long entryId) throws IOException, QueueException {
    return deploying(queue).filter(e -> entryId == null || e.id() != entryId)
        .map(e -> "waiting: PR #" + e.pr() + " is deploying");
  }

  /** A copy of every entry of the directory, current as of this call. */
  public QueueState state() throws IOException, QueueException {
    return store.run(state -> {
      QueueState copy = new QueueState(state.snapshot());
      return QueueStore.Decision.unchanged(copy);
    });
  }

  private static QueueEntry waitingOrRefuse(QueueState state, String queue, int pr, String what)
      throws QueueException {
    Optional<QueueEntry> waiting = state.waitingFor(queue, pr);
    if (waiting.isPresent()) {
      return waiting.get();
    }
    if (state.deploying(queue).filter(e -> e.pr() == pr).isPresent()) {
      throw new QueueException("cannot " + what + " PR #" + pr + ": it is deploying in queue " + queue
          + (what.equals("remove") ? "; complete it, or release change to a newer commit" : ""));
    }
    throw new QueueException("cannot " + what + " PR #" + pr + ": it is not waiting in queue " + queue);
  }

  private static QueueEntry deployingOrRefuse(QueueState state, String queue, int pr) throws QueueException {
    Optional<QueueEntry> deploying = state.deploying(queue);
    if (deploying.isEmpty()) {
      throw new QueueException("PR #" + pr + " is not deploying: nothing is deploying in queue " + queue);
    }
    if (deploying.get().pr() != pr) {
      throw new QueueException("PR #" + pr + " is not deploying in queue " + queue + " (PR #"
          + deploying.get().pr() + " is)");
    }
    return deploying.get();
  }

  private static void validate(Enqueue request) throws QueueException {
    require(request.repository(), "repository");
    require(request.baseRef(), "base ref");
    require(request.headCommit(), "head commit");
    require(request.mergeCommit(), "merge commit");
    if (request.pr() < 1) {
      throw new QueueException("PR number must be positive, not " + request.pr());
    }
  }

  private static void require(String value, String what) throws QueueException {
    if (value == null || value.isBlank()) {
      throw new QueueException("missing " + what);
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new QueueException(what + " has control characters");
    }
  }

  private static String instant(String text) throws QueueException {
    try {
      return Instant.parse(text).toString();
    } catch (DateTimeParseException e) {
      throw new QueueException("merge time '" + text + "' is not an ISO-8601 instant (2026-01-31T12:00:00Z)");
    }
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
