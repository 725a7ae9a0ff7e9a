package io.tglive.graph.render;

import io.tglive.config.UnresolvedEdge;
import io.tglive.graph.RepoPaths;
import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The run order as plain text: one {@code Group N} heading per level, then one unit per line with
 * the units it depends on; missing dependencies and unresolved edges follow.
 */
public final class TextRenderer {

  private TextRenderer() {}

  /** The text of the graph. */
  public static String render(UnitGraph graph, Path root) {
    StringBuilder out = new StringBuilder();
    List<List<String>> order = graph.runOrder();
    for (int level = 0; level < order.size(); level++) {
      out.append("Group ").append(level + 1).append('\n');
      for (String path : order.get(level)) {
        UnitNode unit = graph.unit(path);
        out.append("  ").append(path);
        if (unit.excluded()) {
          out.append(" (excluded)");
        }
        if (!unit.dependencies().isEmpty()) {
          out.append(" -> ").append(String.join(", ", unit.dependencies().keySet()));
        }
        out.append('\n');
      }
    }
    if (!graph.missing().isEmpty()) {
      out.append("Missing dependencies\n");
      for (Map.Entry<String, SortedSet<String>> missing : graph.missing().entrySet()) {
        out.append("  ").append(missing.getKey())
            .append(" (referenced by ").append(String.join(", ", missing.getValue())).append(")\n");
      }
    }
    boolean heading = false;
    for (UnitNode unit : graph.units().values()) {
      for (UnresolvedEdge edge : unit.unresolved()) {
        if (!heading) {
          out.append("Unresolved dependencies\n");
          heading = true;
        }
        Path file = edge.location().file();
        String name = file.isAbsolute() ? RepoPaths.relative(root, file) : file.toString();
        out.append("  ").append(unit.path()).append(": ").append(name).append(':')
            .append(edge.location().line()).append(": ")
            .append(edge.expression().isEmpty() ? edge.reason() : edge.expression()).append('\n');
      }
    }
    return out.toString();
  }
}
