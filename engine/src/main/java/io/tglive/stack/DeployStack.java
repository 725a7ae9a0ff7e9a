package io.tglive.stack;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The units a change deploys, in order.
 *
 * @param units every unit by path
 * @param order levels: each unit's {@link StackUnit#after()} units are all in earlier levels; paths
 *     sorted within a level
 */
public record DeployStack(SortedMap<String, StackUnit> units, List<List<String>> order) {

  public DeployStack {
    units = Collections.unmodifiableSortedMap(new TreeMap<>(units));
    order = order.stream().map(List::copyOf).toList();
  }

  /** True when the change deploys nothing. */
  public boolean isEmpty() {
    return units.isEmpty();
  }
}
