package io.tglive.stack.render;

import io.tglive.stack.StackResult;

/** The output formats of a deploy stack. */
public enum StackFormat {
  /** One JSON document, sorted and deterministic. */
  JSON,
  /** Waves of units with their reasons, for terminals and build logs. */
  TEXT,
  /** GraphViz DOT: each unit with edges to the units it waits for; destroys in red. */
  DOT,
  /** A mermaid flowchart with the same edges. */
  MERMAID;

  /** Renders the result. */
  public String render(StackResult result) {
    return switch (this) {
      case JSON -> StackJsonRenderer.render(result);
      case TEXT -> StackTextRenderer.render(result);
      case DOT -> StackDotRenderer.render(result.stack());
      case MERMAID -> StackMermaidRenderer.render(result.stack());
    };
  }
}
