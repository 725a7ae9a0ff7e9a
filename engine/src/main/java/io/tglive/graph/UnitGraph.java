package io.tglive.graph;

import io.tglive.config.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The immutable dependency graph of a repository's units. Edges point from a unit to its
 * dependency, as in {@code terragrunt dag graph}. Dependencies that name a directory without a
 * unit are kept as missing nodes, not edges of the unit graph.
 */
public final class UnitGraph {

  private final SortedMap<String, UnitNode> units;
  private final Graph<String, DefaultEdge> graph;
  private final SortedMap<String, SortedSet<String>> missing;

  private UnitGraph(
      SortedMap<String, UnitNode> units,
      Graph<String, DefaultEdge> graph,
      SortedMap<String, SortedSet<String>> missing) {
    this.units = units;
    this.graph = graph;
    this.missing = missing;
  }

  /** Builds the graph; fails with the whole cycle named when the units depend on each other in a loop. */
  public static UnitGraph of(Collection<UnitNode> nodes) throws GraphCycleException {
    SortedMap<String, UnitNode> units = new TreeMap<>();
    for (UnitNode node : nodes) {
      if (units.put(node.path(), node) != null) {
        throw new IllegalArgumentException("duplicate unit " + node.path());
      }
    }
    Graph<String, DefaultEdge> graph =
        GraphTypeBuilder.<String, DefaultEdge>directed()
            .allowingSelfLoops(true)
            .allowingMultipleEdges(false)
            .edgeClass(DefaultEdge.class)
            .buildGraph();
    units.keySet().forEach(graph::addVertex);
    SortedMap<String, SortedSet<String>> missing = new TreeMap<>();
    for (UnitNode node : units.values()) {
      for (String dependency : node.dependencies().keySet()) {
        if (units.containsKey(dependency)) {
          graph.addEdge(node.path(), dependency);
        } else {
          missing.computeIfAbsent(dependency, k -> new TreeSet<>()).add(node.path());
        }
      }
    }
    UnitGraph result = new UnitGraph(
        Collections.unmodifiableSortedMap(units), graph, Collections.unmodifiableSortedMap(missing));
    result.failOnCycle();
    return result;
  }

  /**
   * The graph of {@code nodes} when they are this graph's units with the same dependency targets
   * (their other attributes may differ): edges, missing nodes and acyclicity carry over, so nothing
   * is rebuilt. Null when the units or any unit's dependency targets differ.
   */
  UnitGraph withSameEdges(Collection<UnitNode> nodes) {
    if (nodes.size() != units.size()) {
      return null;
    }
    SortedMap<String, UnitNode> replaced = new TreeMap<>(units);
    for (UnitNode node : nodes) {
      UnitNode before = replaced.put(node.path(), node);
      if (before == null || (before != node && !before.dependencies().keySet().equals(node.dependencies().keySet()))) {
        return null;
      }
    }
    return new UnitGraph(Collections.unmodifiableSortedMap(replaced), graph, missing);
  }

  /** Every unit, by path. */
  public SortedMap<String, UnitNode> units() {
    return units;
  }

  /** True if a unit exists at this path. */
  public boolean contains(String path) {
    return units.containsKey(path);
  }

  /** The unit at this path. */
  public UnitNode unit(String path) {
    UnitNode node = units.get(path);
    if (node == null) {
      throw new IllegalArgumentException("no unit at " + path);
    }
    return node;
  }

  /**
   * The units a run excludes: those whose {@code exclude} block excludes them, and the direct
   * dependencies of those that set {@code exclude_dependencies}, as Terragrunt's discovery does.
   */
  public SortedSet<String> excludedFromRuns() {
    SortedSet<String> excluded = new TreeSet<>();
    for (UnitNode node : units.values()) {
      if (node.excluded()) {
        excluded.add(node.path());
        if (node.excludeDependencies()) {
          excluded.addAll(dependencies(node.path()));
        }
      }
    }
    return excluded;
  }

  /** Dependency directories without a unit, each with the units that reference it. */
  public SortedMap<String, SortedSet<String>> missing() {
    return missing;
  }

  /** The units this unit depends on directly (missing targets excluded). */
  public SortedSet<String> dependencies(String path) {
    SortedSet<String> result = new TreeSet<>();
    for (DefaultEdge edge : graph.outgoingEdgesOf(path)) {
      result.add(graph.getEdgeTarget(edge));
    }
    return result;
  }

  /** The units that depend on this unit directly. */
  public SortedSet<String> dependents(String path) {
    SortedSet<String> result = new TreeSet<>();
    for (DefaultEdge edge : graph.incomingEdgesOf(path)) {
      result.add(graph.getEdgeSource(edge));
    }
    return result;
  }

  /** Every unit reachable by following dependencies from the start units, excluding the start units. */
  public SortedSet<String> transitiveDependencies(Collection<String> start) {
    return reach(start, true);
  }

  /** Every unit that depends, directly or not, on a start unit, excluding the start units. */
  public SortedSet<String> transitiveDependents(Collection<String> start) {
    return reach(start, false);
  }

  private SortedSet<String> reach(Collection<String> start, boolean forward) {
    Set<String> seen = new java.util.HashSet<>(start);
    Deque<String> queue = new ArrayDeque<>(start);
    SortedSet<String> result = new TreeSet<>();
    while (!queue.isEmpty()) {
      String current = queue.poll();
      Set<DefaultEdge> edges = forward ? graph.outgoingEdgesOf(current) : graph.incomingEdgesOf(current);
      for (DefaultEdge edge : edges) {
        String next = forward ? graph.getEdgeTarget(edge) : graph.getEdgeSource(edge);
        if (seen.add(next)) {
          result.add(next);
          queue.add(next);
        }
      }
    }
    return result;
  }

  /** Terragrunt's run order of every unit: dependencies first, Kahn levels, ties broken by path. */
  public List<List<String>> runOrder() {
    return runOrder(units.keySet());
  }

  /**
   * The run order of a subset: each level holds the units whose in-subset dependencies are all in
   * earlier levels. Dependencies outside the subset count as already satisfied, as in Terragrunt.
   */
  public List<List<String>> runOrder(Collection<String> subset) {
    return levels(subset, true);
  }

  /**
   * The destroy order of a subset, as Terragrunt's queue builds it for "down" commands: each level
   * holds the units whose in-subset dependents are all in earlier levels, ties broken by path. This
   * is not always the reverse of {@link #runOrder(Collection)}: a unit nothing depends on is
   * destroyed in the first level however deep it sits.
   */
  public List<List<String>> destroyOrder(Collection<String> subset) {
    return levels(subset, false);
  }

  /** The destroy order of every unit. */
  public List<List<String>> destroyOrder() {
    return destroyOrder(units.keySet());
  }

  /** Longest-path levels within the subset; {@code dependenciesFirst} selects the edge direction. */
  private List<List<String>> levels(Collection<String> subset, boolean dependenciesFirst) {
    Set<String> members = new TreeSet<>(subset);
    Map<String, Integer> pending = new HashMap<>();
    for (String unit : members) {
      int count = 0;
      for (String next : dependenciesFirst ? dependencies(unit) : dependents(unit)) {
        if (members.contains(next)) {
          count++;
        }
      }
      pending.put(unit, count);
    }
    List<List<String>> levels = new ArrayList<>();
    List<String> ready = new ArrayList<>();
    for (String unit : members) {
      if (pending.get(unit) == 0) {
        ready.add(unit);
      }
    }
    while (!ready.isEmpty()) {
      Collections.sort(ready);
      levels.add(List.copyOf(ready));
      List<String> next = new ArrayList<>();
      for (String done : ready) {
        for (String waiting : dependenciesFirst ? dependents(done) : dependencies(done)) {
          if (members.contains(waiting) && pending.merge(waiting, -1, Integer::sum) == 0) {
            next.add(waiting);
          }
        }
      }
      ready = next;
    }
    return List.copyOf(levels);
  }

  /** The wave (0-based run-order level) of each unit of a subset. */
  public Map<String, Integer> waves(Collection<String> subset) {
    Map<String, Integer> waves = new LinkedHashMap<>();
    List<List<String>> order = runOrder(subset);
    for (int level = 0; level < order.size(); level++) {
      for (String unit : order.get(level)) {
        waves.put(unit, level);
      }
    }
    return waves;
  }

  private void failOnCycle() throws GraphCycleException {
    if (acyclic()) {
      return;
    }
    List<Set<String>> components =
        new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets();
    List<String> best = null;
    for (Set<String> component : components) {
      String first = component.size() == 1 ? component.iterator().next() : new TreeSet<>(component).first();
      boolean cyclic = component.size() > 1 || graph.containsEdge(first, first);
      if (cyclic) {
        List<String> cycle = cycleThrough(first, component);
        if (best == null || cycle.get(0).compareTo(best.get(0)) < 0) {
          best = cycle;
        }
      }
    }
    if (best != null) {
      StringBuilder message = new StringBuilder("dependency cycle: ").append(String.join(" -> ", best));
      for (int i = 0; i + 1 < best.size(); i++) {
        Location where = units.get(best.get(i)).dependencies().get(best.get(i + 1));
        message.append("\n  ").append(best.get(i)).append(" -> ").append(best.get(i + 1));
        if (where != null) {
          message.append(" (").append(where).append(")");
        }
      }
      throw new GraphCycleException(best, message.toString());
    }
  }

  /**
   * True when no unit depends on itself through any chain: removing units without dependencies,
   * again and again, removes them all (Kahn). Cheaper than finding the strongly connected
   * components, which only a cyclic graph needs, to name its cycle.
   */
  private boolean acyclic() {
    Map<String, Integer> pending = new HashMap<>();
    Deque<String> free = new ArrayDeque<>();
    for (String unit : graph.vertexSet()) {
      int dependencies = graph.outDegreeOf(unit);
      if (dependencies == 0) {
        free.add(unit);
      } else {
        pending.put(unit, dependencies);
      }
    }
    int removed = 0;
    while (!free.isEmpty()) {
      String unit = free.poll();
      removed++;
      for (DefaultEdge edge : graph.incomingEdgesOf(unit)) {
        String dependent = graph.getEdgeSource(edge);
        if (pending.merge(dependent, -1, Integer::sum) == 0) {
          free.add(dependent);
        }
      }
    }
    return removed == graph.vertexSet().size();
  }

  /** The shortest cycle from {@code start} back to itself within one strongly connected component. */
  private List<String> cycleThrough(String start, Set<String> component) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (String next : dependencies(current)) {
        if (!component.contains(next)) {
          continue;
        }
        if (next.equals(start)) {
          List<String> path = new ArrayList<>();
          for (String at = current; at != null; at = parent.get(at)) {
            path.add(at);
          }
          Collections.reverse(path);
          path.add(start);
          return path;
        }
        if (!parent.containsKey(next) && !next.equals(start)) {
          parent.put(next, current);
          queue.add(next);
        }
      }
    }
    throw new IllegalStateException("component without a cycle: " + component);
  }
}
