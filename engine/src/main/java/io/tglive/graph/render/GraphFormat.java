package io.tglive.graph.render;

import io.tglive.graph.UnitGraph;
import java.nio.file.Path;

/** The output formats of a unit graph. */
public enum GraphFormat {
  /** GraphViz DOT, as {@code terragrunt dag graph} prints it. */
  DOT,
  /** Units, missing dependencies, unresolved edges and run order as one JSON document. */
  JSON,
  /** A mermaid flowchart. */
  MERMAID,
  /** The run order, one unit per line with its dependencies. */
  TEXT;

  /** Renders the graph; {@code root} is the repository root, against which file names are shown. */
  public String render(UnitGraph graph, Path root) {
    return switch (this) {
      case DOT -> DotRenderer.render(graph);
      case JSON -> JsonRenderer.render(graph, root);
      case MERMAID -> MermaidRenderer.render(graph);
      case TEXT -> TextRenderer.render(graph, root);
    };
  }
}
