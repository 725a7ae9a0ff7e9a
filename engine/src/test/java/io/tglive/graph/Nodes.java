package io.tglive.graph;

import io.tglive.config.Location;
import io.tglive.config.UnresolvedEdge;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds unit nodes for tests: {@code unit("app", "vpc", "db")}. */
public final class Nodes {

  private Nodes() {}

  /** A unit depending on the given paths, each declared at {@code <path>/terragrunt.hcl:1}. */
  public static UnitNode unit(String path, String... dependencies) {
    return new UnitNode(path, edges(path, dependencies), false, new TreeSet<>(Set.of(path + "/terragrunt.hcl")), List.of());
  }

  /** An excluded unit. */
  public static UnitNode excluded(String path, String... dependencies) {
    return new UnitNode(path, edges(path, dependencies), true, new TreeSet<>(Set.of(path + "/terragrunt.hcl")), List.of());
  }

  /** A unit with unresolved edges. */
  public static UnitNode unresolved(String path, UnresolvedEdge... edges) {
    return new UnitNode(path, new TreeMap<>(), false, new TreeSet<>(Set.of(path + "/terragrunt.hcl")), List.of(edges));
  }

  /** The graph of these nodes, which must be acyclic. */
  public static UnitGraph graph(UnitNode... nodes) {
    try {
      return UnitGraph.of(List.of(nodes));
    } catch (GraphCycleException e) {
      throw new AssertionError(e);
    }
  }

  private static TreeMap<String, Location> edges(String path, String... dependencies) {
    TreeMap<String, Location> edges = new TreeMap<>();
    for (String dependency : dependencies) {
      edges.put(dependency, new Location(Path.of(path, "terragrunt.hcl"), 1));
    }
    return edges;
  }
}
