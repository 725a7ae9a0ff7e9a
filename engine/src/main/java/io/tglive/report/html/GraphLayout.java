package io.tglive.report.html;

import io.tglive.run.state.RunUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered drawing of a run's units: a unit's column is the length of the longest chain of units it waits for
 * (so every edge points right), the first column sorted by path and each later one by the mean row of the units
 * it waits for (fewer crossings), then by path.
 *
 * @param nodes every unit with its place, in drawing order
 * @param edges every {@code after} link between two units of the run
 * @param width the drawing's width in pixels
 * @param height its height in pixels
 */
record GraphLayout(List<Node> nodes, List<Edge> edges, int width, int height) {

  static final int NODE_WIDTH = 220;
  static final int NODE_HEIGHT = 44;
  static final int COLUMN_GAP = 64;
  static final int ROW_GAP = 14;
  static final int MARGIN = 12;

  /**
   * A unit's box.
   *
   * @param unit the unit
   * @param column its layer, from 0
   * @param row its place in the layer, from 0
   */
  record Node(RunUnit unit, int column, int row) {

    int x() {
      return MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
    }

    int y() {
      return MARGIN + row * (NODE_HEIGHT + ROW_GAP);
    }
  }

  /** A unit {@code to} that waits for {@code from}: drawn from {@code from}'s right side to {@code to}'s left side. */
  record Edge(Node from, Node to) {}

  /** Lays out {@code units} (their {@code after} units outside the list are ignored). */
  static GraphLayout of(List<RunUnit> units) {
    Map<String, RunUnit> byPath = new LinkedHashMap<>();
    units.stream().sorted(Comparator.comparing(RunUnit::path)).forEach(u -> byPath.put(u.path(), u));
    Map<String, Integer> columns = new HashMap<>();
    for (String path : byPath.keySet()) {
      column(path, byPath, columns, new java.util.HashSet<>());
    }
    int layers = columns.values().stream().mapToInt(c -> c + 1).max().orElse(0);
    List<List<RunUnit>> byColumn = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      byColumn.add(new ArrayList<>());
    }
    byPath.values().forEach(u -> byColumn.get(columns.get(u.path())).add(u));
    Map<String, Node> nodes = new LinkedHashMap<>();
    for (int column = 0; column < layers; column++) {
      List<RunUnit> layer = byColumn.get(column);
      if (column > 0) {
        layer.sort(Comparator.comparingDouble((RunUnit u) -> meanRow(u, nodes)).thenComparing(RunUnit::path));
      }
      for (int row = 0; row < layer.size(); row++) {
        nodes.put(layer.get(row).path(), new Node(layer.get(row), column, row));
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (Node to : nodes.values()) {
      to.unit().after().stream().filter(nodes::containsKey).sorted()
          .forEach(from -> edges.add(new Edge(nodes.get(from), to)));
    }
    int rows = byColumn.stream().mapToInt(List::size).max().orElse(0);
    int width = 2 * MARGIN + Math.max(0, layers * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP);
    int height = 2 * MARGIN + Math.max(0, rows * (NODE_HEIGHT + ROW_GAP) - ROW_GAP);
    return new GraphLayout(List.copyOf(nodes.values()), edges, width, height);
  }

  /** The longest chain of units {@code path} waits for; a cycle (never in a computed stack) is cut where it closes. */
  private static int column(String path, Map<String, RunUnit> units, Map<String, Integer> columns,
      java.util.Set<String> visiting) {
    Integer known = columns.get(path);
    if (known != null) {
      return known;
    }
    visiting.add(path);
    int column = 0;
    for (String after : units.get(path).after()) {
      if (units.containsKey(after) && !visiting.contains(after)) {
        column = Math.max(column, column(after, units, columns, visiting) + 1);
      }
    }
    visiting.remove(path);
    columns.put(path, column);
    return column;
  }

  private static double meanRow(RunUnit unit, Map<String, Node> placed) {
    return unit.after().stream().filter(placed::containsKey).mapToInt(p -> placed.get(p).row()).average()
        .orElse(Double.MAX_VALUE);
  }
}
