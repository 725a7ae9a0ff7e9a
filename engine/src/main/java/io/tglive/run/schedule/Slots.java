package io.tglive.run.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Capacity for running commands: a global limit and a limit per account. Waiting requests are
 * granted highest priority first (the longest critical path), ties by unit path; a request whose
 * account is full does not hold back the others. Not thread-safe ({@link BlockingSlots} is).
 */
public final class Slots {

  /** A request for one slot. */
  public record Request(String unit, String account, long priority) {}

  private static final Comparator<Request> ORDER =
      Comparator.comparingLong(Request::priority).reversed().thenComparing(Request::unit);

  private final int global;
  private final Map<String, Integer> perAccount;
  private final PriorityQueue<Request> waiting = new PriorityQueue<>(ORDER);
  private final Map<String, Integer> inUse = new HashMap<>();
  private int used;

  /**
   * @param global most commands at once ({@link Integer#MAX_VALUE} for no limit)
   * @param perAccount most commands at once per account; an account not in the map has only the global limit
   */
  public Slots(int global, Map<String, Integer> perAccount) {
    if (global < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + global);
    }
    this.global = global;
    this.perAccount = Map.copyOf(perAccount);
  }

  /** Queues a request; {@link #grant()} decides when it runs. */
  public void request(Request request) {
    waiting.add(request);
  }

  /** The waiting requests that may run now, in priority order; they hold their slots until released. */
  public List<Request> grant() {
    List<Request> granted = new ArrayList<>();
    List<Request> skipped = new ArrayList<>();
    while (used < global && !waiting.isEmpty()) {
      Request next = waiting.poll();
      String account = next.account() == null ? "" : next.account();
      int limit = perAccount.getOrDefault(account, Integer.MAX_VALUE);
      if (inUse.getOrDefault(account, 0) < limit) {
        inUse.merge(account, 1, Integer::sum);
        used++;
        granted.add(next);
      } else {
        skipped.add(next);
      }
    }
    waiting.addAll(skipped);
    return granted;
  }

  /** Drops a request still waiting. */
  public void withdraw(Request request) {
    waiting.remove(request);
  }

  /** Gives back the slot {@code request} held. */
  public void release(Request request) {
    inUse.merge(request.account() == null ? "" : request.account(), -1, Integer::sum);
    used--;
  }
}
