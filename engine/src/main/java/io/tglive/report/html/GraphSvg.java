package io.tglive.report.html;

import static io.tglive.report.html.GraphLayout.NODE_HEIGHT;
import static io.tglive.report.html.GraphLayout.NODE_WIDTH;

import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import java.util.Map;

/** The stack as an inline SVG: one box per unit coloured by status, linking to its table row; arrows from a unit to those waiting for it. */
final class GraphSvg {

  /** Longest label drawn in a box; longer paths keep their end, the full path is in the box's tooltip. */
  static final int LABEL_CHARS = 30;

  private GraphSvg() {}

  static void write(StringBuilder out, GraphLayout layout, Map<String, UnitRecord> units) {
    out.append("<svg id=\"graph\" role=\"img\" aria-label=\"units in dependency order\"")
        .append(" width=\"").append(layout.width()).append("\" height=\"").append(layout.height())
        .append("\" viewBox=\"0 0 ").append(layout.width()).append(' ').append(layout.height()).append("\">\n");
    out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
        + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#546e7a\"/>"
        + "</marker></defs>\n");
    for (GraphLayout.Edge edge : layout.edges()) {
      int x1 = edge.from().x() + NODE_WIDTH;
      int y1 = edge.from().y() + NODE_HEIGHT / 2;
      int x2 = edge.to().x();
      int y2 = edge.to().y() + NODE_HEIGHT / 2;
      int bend = (x2 - x1) / 2;
      out.append("<path class=\"edge\" data-from=\"").append(Html.escape(edge.from().unit().path()))
          .append("\" data-to=\"").append(Html.escape(edge.to().unit().path()))
          .append("\" d=\"M").append(x1).append(',').append(y1)
          .append(" C").append(x1 + bend).append(',').append(y1).append(' ').append(x2 - bend).append(',').append(y2)
          .append(' ').append(x2).append(',').append(y2).append("\" marker-end=\"url(#arrow)\"/>\n");
    }
    for (GraphLayout.Node node : layout.nodes()) {
      String path = node.unit().path();
      UnitStatus status = units.get(path).status();
      StatusStyle style = StatusStyle.of(status);
      String id = Html.unitId(path);
      out.append("<a href=\"#").append(id).append("\"><g class=\"node\" id=\"node-").append(id.substring(5))
          .append("\" data-unit=\"").append(Html.escape(path)).append("\" data-status=\"").append(style.key())
          .append("\"><title>").append(Html.escape(path)).append(" \u2014 ").append(status.label())
          .append("</title>")
          .append("<rect x=\"").append(node.x()).append("\" y=\"").append(node.y())
          .append("\" width=\"").append(NODE_WIDTH).append("\" height=\"").append(NODE_HEIGHT)
          .append("\" rx=\"6\" fill=\"").append(style.fill()).append("\" stroke=\"").append(style.stroke())
          .append("\"/>")
          .append("<text class=\"label\" x=\"").append(node.x() + 10).append("\" y=\"").append(node.y() + 18)
          .append("\">").append(Html.escape(label(path))).append("</text>")
          .append("<text class=\"status\" x=\"").append(node.x() + 10).append("\" y=\"").append(node.y() + 35)
          .append("\">").append(node.unit().destroy() ? "destroy \u00b7 " : "").append(status.label())
          .append("</text></g></a>\n");
    }
    out.append("</svg>\n");
  }

  /** {@code path}, or its last {@link #LABEL_CHARS} characters after an ellipsis. */
  static String label(String path) {
    if (path.isEmpty()) {
      return "(root)";
    }
    int length = path.codePointCount(0, path.length());
    if (length <= LABEL_CHARS) {
      return path;
    }
    return "\u2026" + path.substring(path.offsetByCodePoints(0, length - LABEL_CHARS + 1));
  }
}
