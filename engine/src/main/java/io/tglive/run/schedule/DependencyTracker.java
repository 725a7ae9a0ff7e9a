package io.tglive.run.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which units may start: a unit becomes ready the moment every unit it waits for has succeeded
 * (eager, not wave by wave). A failed unit blocks its transitive dependents, each remembering the
 * unit that blocked it; the others carry on. Not thread-safe: one scheduler thread drives it.
 */
public final class DependencyTracker {

  private final Map<String, Integer> pending = new HashMap<>();
  private final Map<String, List<String>> dependents = new HashMap<>();
  private final Map<String, String> blockedBy = new TreeMap<>();
  private final List<String> ready = new ArrayList<>();

  /** @param after for every unit, the units it waits for (all of them keys of the map) */
  public DependencyTracker(Map<String, ? extends Set<String>> after) {
    after.forEach((unit, waits) -> {
      pending.put(unit, waits.size());
      for (String wait : waits) {
        if (!after.containsKey(wait)) {
          throw new IllegalArgumentException(unit + " waits for " + wait + ", which is not in the stack");
        }
        dependents.computeIfAbsent(wait, k -> new ArrayList<>()).add(unit);
      }
      if (waits.isEmpty()) {
        ready.add(unit);
      }
    });
  }

  /** The units that became ready since the last call, each returned once. */
  public List<String> takeReady() {
    List<String> taken = new ArrayList<>(ready);
    ready.clear();
    return taken;
  }

  /** {@code unit} succeeded: its dependents waiting for nothing else become ready. */
  public void succeeded(String unit) {
    for (String dependent : dependents.getOrDefault(unit, List.of())) {
      if (pending.merge(dependent, -1, Integer::sum) == 0 && !blockedBy.containsKey(dependent)) {
        ready.add(dependent);
      }
    }
  }

  /**
   * {@code unit} failed or was rejected: every transitive dependent not yet blocked is blocked by it.
   *
   * @return the units it newly blocks
   */
  public List<String> failed(String unit) {
    List<String> blocked = new ArrayList<>();
    Deque<String> queue = new ArrayDeque<>(dependents.getOrDefault(unit, List.of()));
    while (!queue.isEmpty()) {
      String dependent = queue.poll();
      if (blockedBy.putIfAbsent(dependent, unit) == null) {
        blocked.add(dependent);
        queue.addAll(dependents.getOrDefault(dependent, List.of()));
      }
    }
    ready.removeAll(blocked);
    return blocked;
  }

  /** The unit that blocked {@code unit}, or null. */
  public String blocker(String unit) {
    return blockedBy.get(unit);
  }
}
