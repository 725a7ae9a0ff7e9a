package io.tglive.change;

import io.tglive.graph.UnitGraph;
import java.util.List;
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

  /**
   * The grown selection without the {@code excluded} units among its applies. A reason naming an
   * excluded unit ({@code dependent-of:b} when {@code b} is excluded) is replaced by the units of
   * the stack reached through it and other excluded units ({@code dependent-of:a} when {@code b}
   * depends on {@code a}), so no reason names a unit the stack does not deploy; it is kept only when
   * nothing is reached (the excluded unit itself was selected: it stays listed as excluded).
   */
  public static Selection withoutExcluded(Selection grown, Set<String> excluded, UnitGraph head) {
    SortedMap<String, SortedSet<Reason>> applies = new TreeMap<>();
    grown.applies().forEach((unit, reasons) -> {
      if (excluded.contains(unit)) {
        return;
      }
      SortedSet<Reason> rewritten = new TreeSet<>();
      for (Reason reason : reasons) {
        boolean down = reason.kind() == Reason.Kind.DEPENDENT_OF;
        if (!(down || reason.kind() == Reason.Kind.DEPENDENCY_OF) || !excluded.contains(reason.subject())) {
          rewritten.add(reason);
          continue;
        }
        Set<String> reached = reachedThrough(reason.subject(), excluded, grown, head, down);
        if (reached.isEmpty()) {
          rewritten.add(reason);
        } else {
          reached.forEach(u -> rewritten.add(down ? Reason.dependentOf(u) : Reason.dependencyOf(u)));
        }
      }
      applies.put(unit, rewritten);
    });
    return new Selection(applies, grown.destroys(), grown.unmapped(), grown.ignored());
  }

  /** Units of the stack (not excluded) reached from an excluded unit over dependencies (or dependents) via excluded ones. */
  private static Set<String> reachedThrough(
      String start, Set<String> excluded, Selection grown, UnitGraph head, boolean dependencies) {
    Set<String> reached = new TreeSet<>();
    Set<String> seen = new java.util.HashSet<>();
    java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(start));
    while (!pending.isEmpty()) {
      String unit = pending.pop();
      if (!seen.add(unit)) {
        continue;
      }
      for (String next : dependencies ? head.dependencies(unit) : head.dependents(unit)) {
        if (excluded.contains(next)) {
          pending.push(next);
        } else if (grown.applies().containsKey(next)) {
          reached.add(next);
        }
      }
    }
    return reached;
  }
}
