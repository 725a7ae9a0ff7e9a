package io.tglive.graph;

import io.tglive.config.Diagnostic;
import java.util.List;

/**
 * The graph of a repository snapshot with everything discovery found along the way.
 *
 * @param graph the units and their edges
 * @param rootConfigurations repository-relative directories of legacy root configurations (not units)
 * @param unsupportedStacks repository-relative {@code terragrunt.stack.hcl} files, which are not supported
 * @param diagnostics warnings such as unsupported functions
 */
public record LoadedGraph(
    UnitGraph graph, List<String> rootConfigurations, List<String> unsupportedStacks, List<Diagnostic> diagnostics) {

  public LoadedGraph {
    rootConfigurations = List.copyOf(rootConfigurations);
    unsupportedStacks = List.copyOf(unsupportedStacks);
    diagnostics = List.copyOf(diagnostics);
  }
}
