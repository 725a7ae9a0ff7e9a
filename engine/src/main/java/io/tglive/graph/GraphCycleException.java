package io.tglive.graph;

import java.util.List;

/** The dependency graph has a cycle; the message names every unit of it and where each edge is declared. */
public final class GraphCycleException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> cycle;

  GraphCycleException(List<String> cycle, String message) {
    super(message, null, false, false);
    this.cycle = List.copyOf(cycle);
  }

  /** The units of the cycle in edge order, the first repeated at the end. */
  public List<String> cycle() {
    return cycle;
  }
}
