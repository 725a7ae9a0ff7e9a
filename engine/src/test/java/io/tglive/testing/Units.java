package io.tglive.testing;

import io.tglive.config.Location;
import io.tglive.graph.GraphCycleException;
import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Unit graphs written directly from units, for logic tests that need no configuration files. */
public final class Units {

  private Units() {}

  /** A unit that reads its own {@code terragrunt.hcl} and the given files. */
  public static UnitNode unit(String path, List<String> dependencies, String... reads) {
    TreeMap<String, Location> edges = new TreeMap<>();
    dependencies.forEach(d -> edges.put(d, new Location(Path.of(path, "terragrunt.hcl"), 1)));
    TreeSet<String> files = new TreeSet<>(List.of(reads));
    files.add(path + "/terragrunt.hcl");
    return new UnitNode(path, edges, false, files, List.of());
  }

  /** A unit without dependencies. */
  public static UnitNode unit(String path, String... reads) {
    return unit(path, List.of(), reads);
  }

  /** The graph of these units. */
  public static UnitGraph graph(UnitNode... units) {
    try {
      return UnitGraph.of(List.of(units));
    } catch (GraphCycleException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
