package io.tglive.change;

import io.tglive.graph.UnitGraph;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Grows the selected units of the head graph into a stack: their transitive dependents, so that
 * whatever consumes a changed unit is re-applied, and optionally the transitive dependencies of the
 * result, so that the stack is self-contained. A unit pulled in as a dependent gets {@code
 * dependent-of:<unit>} for each direct dependency that pulled it in (a selected unit or another
 * pulled-in dependent); a unit pulled in as a dependency gets {@code dependency-of:<unit>} for each
 * direct dependent in the stack.
 */
public final class Closure {

  private Closure() {}

  /** The selection with applies grown over the head graph; destroys and files are kept. */
  public static Selection expand(Selection seeds, UnitGraph head, boolean dependents, boolean dependencies) {
    SortedMap<String, SortedSet<Reason>> applies = new TreeMap<>();
    seeds.applies().forEach((unit, reasons) -> applies.put(unit, new TreeSet<>(reasons)));
    Set<String> seeded = Set.copyOf(applies.keySet());
    Set<String> pulledByDependents = dependents ? head.transitiveDependents(seeded) : Set.of();
    Set<String> reachedByDependents = new TreeSet<>(seeded);
    reachedByDependents.addAll(pulledByDependents);
    Set<String> members = new TreeSet<>(reachedByDependents);
    if (dependencies) {
      members.addAll(head.transitiveDependencies(reachedByDependents));
    }
    for (String unit : members) {
      SortedSet<Reason> reasons = applies.computeIfAbsent(unit, k -> new TreeSet<>());
      if (pulledByDependents.contains(unit)) {
        head.dependencies(unit).stream().filter(reachedByDependents::contains).map(Reason::dependentOf)
            .forEach(reasons::add);
      } else if (!reachedByDependents.contains(unit)) {
        head.dependents(unit).stream().filter(members::contains).map(Reason::dependencyOf).forEach(reasons::add);
      }
    }
    return new Selection(applies, seeds.destroys(), seeds.unmapped(), seeds.ignored());
  }
}
