package io.tglive.graph.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tglive.config.UnresolvedEdge;
import io.tglive.graph.RepoPaths;
import io.tglive.graph.UnitGraph;
import io.tglive.graph.UnitNode;
import io.tglive.report.JsonDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The graph as one JSON document with a fixed key order: {@code units} (path, dependencies,
 * excluded, reads), {@code missing} (path, referencedBy), {@code unresolved} (unit, file, line,
 * expression, reason) and {@code order} (run-order levels). Paths are repository-relative with {@code /}
 * separators and every list is sorted, so equal graphs give equal bytes.
 */
public final class JsonRenderer {

  private JsonRenderer() {}

  /** The JSON text of the graph, ending with a newline. */
  public static String render(UnitGraph graph, Path root) {
    return JsonDocument.write(json -> {
      json.writeStartObject();
      writeUnits(json, graph);
      writeMissing(json, graph);
      writeUnresolved(json, graph, root);
      JsonDocument.writeLevels(json, "order", graph.runOrder());
      json.writeEndObject();
    });
  }

  private static void writeUnits(JsonGenerator json, UnitGraph graph) throws IOException {
    json.writeArrayFieldStart("units");
    for (UnitNode unit : graph.units().values()) {
      json.writeStartObject();
      json.writeStringField("path", unit.path());
      json.writeFieldName("dependencies");
      JsonDocument.writeStrings(json, unit.dependencies().keySet());
      json.writeBooleanField("excluded", unit.excluded());
      json.writeFieldName("reads");
      JsonDocument.writeStrings(json, unit.reads());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeMissing(JsonGenerator json, UnitGraph graph) throws IOException {
    json.writeArrayFieldStart("missing");
    for (Map.Entry<String, SortedSet<String>> missing : graph.missing().entrySet()) {
      json.writeStartObject();
      json.writeStringField("path", missing.getKey());
      json.writeFieldName("referencedBy");
      JsonDocument.writeStrings(json, missing.getValue());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** One unresolved edge of a unit, with its file relative to the repository. */
  private record Unresolved(String unit, String file, int line, String expression, String reason) {}

  private static void writeUnresolved(JsonGenerator json, UnitGraph graph, Path root)
      throws IOException {
    List<Unresolved> all = new ArrayList<>();
    for (UnitNode unit : graph.units().values()) {
      for (UnresolvedEdge edge : unit.unresolved()) {
        Path file = edge.location().file();
        String name = file.isAbsolute() ? RepoPaths.relative(root, file) : file.toString();
        all.add(new Unresolved(unit.path(), name, edge.location().line(), edge.expression(), edge.reason()));
      }
    }
    all.sort(
        Comparator.comparing(Unresolved::unit)
            .thenComparing(Unresolved::file)
            .thenComparingInt(Unresolved::line)
            .thenComparing(Unresolved::expression));
    json.writeArrayFieldStart("unresolved");
    for (Unresolved edge : all) {
      json.writeStartObject();
      json.writeStringField("unit", edge.unit());
      json.writeStringField("file", edge.file());
      json.writeNumberField("line", edge.line());
      json.writeStringField("expression", edge.expression());
      json.writeStringField("reason", edge.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

}
