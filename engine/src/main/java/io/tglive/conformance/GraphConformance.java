package io.tglive.conformance;

import io.tglive.conformance.Difference.Kind;
import io.tglive.graph.LoadedGraph;
import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Compares the graph tglive loads with the one {@code terragrunt find --dag} prints: units, each
 * unit's dependencies, exclusion, and the run order of the units both found.
 */
public final class GraphConformance {

  private GraphConformance() {}

  /** Every difference between our graph and terragrunt's, in a stable order. */
  public static List<Difference> compare(LoadedGraph ours, TerragruntGraph theirs) {
    UnitGraph graph = ours.graph();
    List<Difference> differences = new ArrayList<>();
    Set<String> rootConfigurations = Set.copyOf(ours.rootConfigurations());
    SortedSet<String> common = new TreeSet<>(graph.units().keySet());
    common.retainAll(theirs.units());

    for (String unit : theirs.units()) {
      if (!graph.contains(unit)) {
        differences.add(rootConfigurations.contains(unit)
            ? Difference.documented(Kind.UNIT_ONLY_TERRAGRUNT, unit, "a root configuration for tglive",
                Divergence.ROOT_CONFIGURATION)
            : Difference.bug(Kind.UNIT_ONLY_TERRAGRUNT, unit, ""));
      }
    }
    for (String unit : graph.units().keySet()) {
      if (!theirs.units().contains(unit)) {
        differences.add(Difference.bug(Kind.UNIT_ONLY_TGLIVE, unit, ""));
      }
    }
    for (String unit : common) {
      UnitNode node = graph.unit(unit);
      Set<String> ourTargets = node.dependencies().keySet();
      Set<String> theirTargets = theirs.dependencies().get(unit);
      for (String target : theirTargets) {
        if (!ourTargets.contains(target)) {
          differences.add(Difference.bug(Kind.EDGE_ONLY_TERRAGRUNT, unit + " -> " + target, ""));
        }
      }
      for (String target : ourTargets) {
        if (!theirTargets.contains(target)) {
          differences.add(Difference.bug(Kind.EDGE_ONLY_TGLIVE, unit + " -> " + target,
              "declared at " + node.dependencies().get(target)));
        }
      }
      boolean theyExclude = theirs.excluded().contains(unit);
      if (node.excluded() != theyExclude) {
        differences.add(Difference.bug(Kind.EXCLUDED, unit,
            "tglive " + (node.excluded() ? "excludes" : "keeps") + " it, terragrunt "
                + (theyExclude ? "excludes" : "keeps") + " it"));
      }
    }
    // Run orders are comparable only when both graphs agree (up to documented divergences, which
    // add or drop units nothing depends on).
    if (differences.stream().noneMatch(Difference::undocumented)) {
      List<String> ourOrder = graph.runOrder().stream().flatMap(List::stream).filter(common::contains).toList();
      List<String> theirOrder = theirs.order().stream().filter(common::contains).toList();
      if (!ourOrder.equals(theirOrder)) {
        differences.add(Difference.bug(Kind.RUN_ORDER, "run order",
            "tglive " + ourOrder + ", terragrunt " + theirOrder));
      }
    }
    return differences;
  }
}
