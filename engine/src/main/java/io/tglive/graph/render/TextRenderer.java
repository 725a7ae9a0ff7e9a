package io.tglive.graph.render;

import io.tglive.config.UnresolvedEdge;
import io.tglive.graph.RepoPaths;
import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;
import io.tglive.report.ControlCharacters;
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

  /** The text of the graph; control characters in paths and expressions are escaped, one line per entry. */
  public static String render(UnitGraph graph, Path root) {
    StringBuilder out = new StringBuilder();
    List<List<String>> order = graph.runOrder();
    for (int level = 0; level < order.size(); level++) {
      line(out, "Group " + (level + 1));
      for (String path : order.get(level)) {
        UnitNode unit = graph.unit(path);
        StringBuilder text = new StringBuilder("  ").append(path);
        if (unit.excluded()) {
          text.append(" (excluded)");
        }
        if (!unit.dependencies().isEmpty()) {
          text.append(" -> ").append(String.join(", ", unit.dependencies().keySet()));
        }
        line(out, text.toString());
      }
    }
    if (!graph.missing().isEmpty()) {
      line(out, "Missing dependencies");
      for (Map.Entry<String, SortedSet<String>> missing : graph.missing().entrySet()) {
        line(out, "  " + missing.getKey() + " (referenced by " + String.join(", ", missing.getValue()) + ")");
      }
    }
    boolean heading = false;
    for (UnitNode unit : graph.units().values()) {
      for (UnresolvedEdge edge : unit.unresolved()) {
        if (!heading) {
          line(out, "Unresolved dependencies");
          heading = true;
        }
        Path file = edge.location().file();
        String name = file.isAbsolute() ? RepoPaths.relative(root, file) : file.toString();
        line(out, "  " + unit.path() + ": " + name + ":" + edge.location().line() + ": "
            + (edge.expression().isEmpty() ? edge.reason() : edge.expression()));
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String text) {
    out.append(ControlCharacters.escape(text)).append('\n');
  }
}
