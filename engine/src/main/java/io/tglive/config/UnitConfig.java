package io.tglive.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What evaluating one unit's {@code terragrunt.hcl} yields for the graph, the way Terragrunt's
 * partial parse sees it: resolved dependency edges, edges that could not be resolved, the exclude
 * block, the terraform source and every file the configuration reads.
 *
 * @param directory absolute, normalized unit directory
 * @param dependencies resolved edges, de-duplicated by target, in source order
 * @param unresolved edges whose path evaluated to an unknown value
 * @param exclude the evaluated {@code exclude} block, if any
 * @param terraformSource the evaluated {@code terraform.source}, if set and known
 * @param includes absolute paths of the files its {@code include} blocks include
 * @param reads absolute paths of every file (or local module directory) the configuration reads,
 *     including its own {@code terragrunt.hcl} and its includes
 * @param diagnostics warnings such as unsupported functions, with file and line
 * @param probes absolute paths, beyond {@code reads}, whose kind (file, directory or missing) the
 *     evaluation depends on: {@code fileexists} and {@code read_terragrunt_config} targets
 * @param lookups the {@code find_in_parent_folders} lookups the evaluation depends on
 *     <p>With the same environment, an evaluation of the same directory in another snapshot yields
 *     the same configuration when every read has the same contents there and every probed path
 *     and lookup candidate has the same kind.
 */
public record UnitConfig(
    Path directory,
    List<DependencyEdge> dependencies,
    List<UnresolvedEdge> unresolved,
    Optional<ExcludeSpec> exclude,
    Optional<String> terraformSource,
    Set<Path> includes,
    Set<Path> reads,
    List<Diagnostic> diagnostics,
    Set<Path> probes,
    Set<ParentFolderLookup> lookups) {

  public UnitConfig {
    dependencies = List.copyOf(dependencies);
    unresolved = List.copyOf(unresolved);
    includes = Set.copyOf(includes);
    reads = Set.copyOf(reads);
    diagnostics = List.copyOf(diagnostics);
    probes = Set.copyOf(probes);
    lookups = Set.copyOf(lookups);
  }
}
