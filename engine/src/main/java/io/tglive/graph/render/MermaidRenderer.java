package io.tglive.graph.render;

import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;
import io.tglive.report.ControlCharacters;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mermaid flowchart ({@code graph TD}) with edges from each unit to its dependencies. Node ids
 * derive from paths, so adding a unit does not renumber the others; excluded units and missing
 * dependencies get their own classes.
 */
public final class MermaidRenderer {

  private MermaidRenderer() {}

  /** The mermaid text of the graph. */
  public static String render(UnitGraph graph) {
    Set<String> paths = new TreeSet<>(graph.units().keySet());
    paths.addAll(graph.missing().keySet());
    Map<String, String> ids = ids(paths);
    StringBuilder out = new StringBuilder("graph TD\n");
    for (String path : paths) {
      out.append("  ").append(ids.get(path)).append("[\"").append(label(path)).append("\"]");
      if (!graph.contains(path)) {
        out.append(":::missing");
      } else if (graph.unit(path).excluded()) {
        out.append(":::excluded");
      }
      out.append('\n');
    }
    for (UnitNode unit : graph.units().values()) {
      for (String dependency : unit.dependencies().keySet()) {
        out.append("  ").append(ids.get(unit.path())).append(" --> ").append(ids.get(dependency)).append('\n');
      }
    }
    out.append("  classDef excluded stroke:#d00,color:#d00\n");
    out.append("  classDef missing stroke-dasharray:5 5\n");
    return out.toString();
  }

  /** Ids made of the path's letters and digits, prefixed so none is a mermaid keyword; clashes get a counter. */
  private static Map<String, String> ids(Set<String> paths) {
    Map<String, String> ids = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (String path : paths) {
      StringBuilder id = new StringBuilder("u_");
      for (char c : path.toCharArray()) {
        id.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
      }
      String candidate = id.toString();
      for (int n = 2; !used.add(candidate); n++) {
        candidate = id + "_" + n;
      }
      ids.put(path, candidate);
    }
    return ids;
  }

  private static String label(String path) {
    return ControlCharacters.escape(path).replace("\"", "#quot;");
  }
}
