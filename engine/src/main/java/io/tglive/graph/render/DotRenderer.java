package io.tglive.graph.render;

import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;

/**
 * GraphViz DOT, byte-identical to {@code terragrunt dag graph} ({@code renderDot} in Terragrunt's
 * {@code list.go}): units sorted by path, each followed by its sorted edges to its dependencies.
 * Units with an {@code exclude} block are drawn like any other, as terragrunt 1.1.3 draws them (its
 * red marks only components a run's queue filters exclude, which a graph of the repository has none
 * of). Dependencies without a unit (missing, or outside the repository) appear only as edge
 * targets, as in Terragrunt, which lists only discovered components as nodes.
 */
public final class DotRenderer {

  private DotRenderer() {}

  /** The DOT text of the graph. */
  public static String render(UnitGraph graph) {
    StringBuilder out = new StringBuilder("digraph {\n");
    for (UnitNode unit : graph.units().values()) {
      out.append('\t').append(DotText.quote(unit.path())).append(" ;\n");
      for (String dependency : unit.dependencies().keySet()) {
        out.append('\t').append(DotText.quote(unit.path())).append(" -> ").append(DotText.quote(dependency)).append(";\n");
      }
    }
    return out.append("}\n").toString();
  }
}
