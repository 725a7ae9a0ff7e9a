package io.tglive.graph;

import io.tglive.config.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * The graph of a repository snapshot with everything discovery found along the way. A graph loaded
 * with {@link GraphLoader#loadForChanges} also keeps, internally, what each unit's evaluation
 * depended on, so {@link GraphLoader#loadChanged} can derive another snapshot's graph from it;
 * that state is not part of equality.
 */
public final class LoadedGraph {

  private final UnitGraph graph;
  private final List<String> rootConfigurations;
  private final List<UnresolvedComponent> unresolvedStacks;
  private final List<Diagnostic> diagnostics;
  private final GraphLoader.Reuse reuse;

  /**
   * @param graph the units and their edges
   * @param rootConfigurations repository-relative directories of legacy root configurations (not units)
   * @param unresolvedStacks stack components that could not be generated offline (a remote source,
   *     a source or path that cannot be evaluated)
   * @param diagnostics warnings such as unsupported functions
   */
  public LoadedGraph(
      UnitGraph graph, List<String> rootConfigurations, List<UnresolvedComponent> unresolvedStacks, List<Diagnostic> diagnostics) {
    this(graph, rootConfigurations, unresolvedStacks, diagnostics, null);
  }

  LoadedGraph(
      UnitGraph graph,
      List<String> rootConfigurations,
      List<UnresolvedComponent> unresolvedStacks,
      List<Diagnostic> diagnostics,
      GraphLoader.Reuse reuse) {
    this.graph = Objects.requireNonNull(graph);
    this.rootConfigurations = List.copyOf(rootConfigurations);
    this.unresolvedStacks = List.copyOf(unresolvedStacks);
    this.diagnostics = List.copyOf(diagnostics);
    this.reuse = reuse;
  }

  /** The units and their edges. */
  public UnitGraph graph() {
    return graph;
  }

  /** Repository-relative directories of legacy root configurations (not units), sorted. */
  public List<String> rootConfigurations() {
    return rootConfigurations;
  }

  /**
   * Stack components that could not be generated offline: their units are missing from the graph,
   * which is therefore incomplete.
   */
  public List<UnresolvedComponent> unresolvedStacks() {
    return unresolvedStacks;
  }

  /** Warnings such as unsupported functions. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** What {@link GraphLoader#loadChanged} reuses, or null when the graph was loaded without it. */
  GraphLoader.Reuse reuse() {
    return reuse;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoadedGraph other
        && graph.equals(other.graph)
        && rootConfigurations.equals(other.rootConfigurations)
        && unresolvedStacks.equals(other.unresolvedStacks)
        && diagnostics.equals(other.diagnostics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(graph, rootConfigurations, unresolvedStacks, diagnostics);
  }

  @Override
  public String toString() {
    return "LoadedGraph[graph=" + graph + ", rootConfigurations=" + rootConfigurations + ", unresolvedStacks="
        + unresolvedStacks + ", diagnostics=" + diagnostics + "]";
  }
}
