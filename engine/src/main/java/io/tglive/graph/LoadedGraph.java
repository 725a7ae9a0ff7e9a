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
  private final List<String> unsupportedStacks;
  private final List<Diagnostic> diagnostics;
  private final GraphLoader.Reuse reuse;

  /**
   * @param graph the units and their edges
   * @param rootConfigurations repository-relative directories of legacy root configurations (not units)
   * @param unsupportedStacks repository-relative {@code terragrunt.stack.hcl} files, which are not supported
   * @param diagnostics warnings such as unsupported functions
   */
  public LoadedGraph(
      UnitGraph graph, List<String> rootConfigurations, List<String> unsupportedStacks, List<Diagnostic> diagnostics) {
    this(graph, rootConfigurations, unsupportedStacks, diagnostics, null);
  }

  LoadedGraph(
      UnitGraph graph,
      List<String> rootConfigurations,
      List<String> unsupportedStacks,
      List<Diagnostic> diagnostics,
      GraphLoader.Reuse reuse) {
    this.graph = Objects.requireNonNull(graph);
    this.rootConfigurations = List.copyOf(rootConfigurations);
    this.unsupportedStacks = List.copyOf(unsupportedStacks);
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

  /** Repository-relative {@code terragrunt.stack.hcl} files, which are not supported, sorted. */
  public List<String> unsupportedStacks() {
    return unsupportedStacks;
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
        && unsupportedStacks.equals(other.unsupportedStacks)
        && diagnostics.equals(other.diagnostics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(graph, rootConfigurations, unsupportedStacks, diagnostics);
  }

  @Override
  public String toString() {
    return "LoadedGraph[graph=" + graph + ", rootConfigurations=" + rootConfigurations + ", unsupportedStacks="
        + unsupportedStacks + ", diagnostics=" + diagnostics + "]";
  }
}
