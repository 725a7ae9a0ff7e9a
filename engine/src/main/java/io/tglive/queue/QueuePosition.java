package io.tglive.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a merged pull request stands in its deploy queue, for a preview or a check: deploying now, or
 * waiting at a position behind another pull request.
 *
 * @param queue the queue's name
 * @param entry the pull request's entry (deploying or waiting)
 * @param position 0 when it is deploying, else its place among the waiting entries, from 1
 * @param waiting how many entries wait in the queue
 * @param ahead the entry it waits behind (the one before it, or the deploying one at position 1), or null
 */
public record QueuePosition(String queue, QueueEntry entry, int position, int waiting, QueueEntry ahead) {

  /** The position of pull request {@code pr} in {@code queue}, if it is deploying or waiting there. */
  public static Optional<QueuePosition> of(QueueState state, String queue, int pr) {
    Optional<QueueEntry> deploying = state.deploying(queue);
    List<QueueEntry> waiting = state.waiting(queue);
    if (deploying.isPresent() && deploying.get().pr() == pr && !deploying.get().stopRequested()) {
      return Optional.of(new QueuePosition(queue, deploying.get(), 0, waiting.size(), null));
    }
    for (int i = 0; i < waiting.size(); i++) {
      if (waiting.get(i).pr() == pr) {
        QueueEntry ahead = i > 0 ? waiting.get(i - 1) : deploying.orElse(null);
        return Optional.of(new QueuePosition(queue, waiting.get(i), i + 1, waiting.size(), ahead));
      }
    }
    return deploying.filter(e -> e.pr() == pr).map(e -> new QueuePosition(queue, e, 0, waiting.size(), null));
  }

  /**
   * The position of the deploying or waiting entry whose head or merge commit is {@code commit} (a full
   * hash, or a prefix of at least 7 characters), in any queue of the directory.
   */
  public static Optional<QueuePosition> ofCommit(QueueState state, String commit) {
    if (commit == null || commit.length() < 7) {
      return Optional.empty();
    }
    for (String queue : state.queues()) {
      Optional<QueueEntry> match = state.deploying(queue).filter(e -> matches(e, commit))
          .or(() -> state.waiting(queue).stream().filter(e -> matches(e, commit)).findFirst());
      if (match.isPresent()) {
        return of(state, queue, match.get().pr());
      }
    }
    return Optional.empty();
  }

  private static boolean matches(QueueEntry entry, String commit) {
    return entry.headCommit().startsWith(commit) || entry.mergeCommit().startsWith(commit);
  }

  /**
   * As the preview's JSON has it: {@code name}, {@code pr}, {@code state}, {@code position} (0: deploying),
   * {@code waiting}, {@code behind} (the pull request ahead, or null), {@code text}.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", queue);
    map.put("pr", entry.pr());
    map.put("state", entry.state().label());
    map.put("position", position);
    map.put("waiting", waiting);
    map.put("behind", ahead == null ? null : ahead.pr());
    map.put("text", text());
    return map;
  }

  /**
   * One line: {@code queued: position 2 of 3, behind PR #11}, {@code queued: position 1 of 1, next to
   * deploy}, {@code deploying now (queue acme/live)}.
   */
  public String text() {
    if (position == 0) {
      return "deploying now (queue " + queue + ")";
    }
    String behind = ahead == null ? "next to deploy"
        : "behind PR #" + ahead.pr() + (ahead.state() == EntryState.DEPLOYING ? " (deploying)" : "");
    String retry = entry.attempts() > 0 ? "; " + entry.attempts() + " failed attempt"
        + (entry.attempts() == 1 ? "" : "s") + " so far" : "";
    return "queued: position " + position + " of " + waiting + ", " + behind + retry;
  }
}
