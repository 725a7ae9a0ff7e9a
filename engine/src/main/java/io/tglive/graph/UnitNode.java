package io.tglive.graph;

import io.tglive.config.Location;
import io.tglive.config.UnresolvedEdge;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One unit of a repository as the graph sees it. Paths are relative to the repository root with
 * {@code /} separators; a dependency outside the root starts with {@code ../}.
 *
 * @param path the unit directory
 * @param dependencies each dependency directory and where it was declared
 * @param excluded true when an {@code exclude} block excludes the unit
 * @param reads every file the unit's configuration reads, including its own {@code terragrunt.hcl}
 * @param unresolved dependency edges whose path could not be evaluated
 * @param probes paths inside the repository, beyond {@code reads}, whose appearance or
 *     disappearance may change the configuration: {@code fileexists} and {@code
 *     read_terragrunt_config} targets, and the {@code find_in_parent_folders} candidates; only
 *     filled by loads that map changes ({@link GraphLoader#loadForChanges}, {@link
 *     GraphLoader#loadChanged}), empty otherwise
 * @param excludeDependencies true when the unit is excluded and its {@code exclude} block sets
 *     {@code exclude_dependencies}: its direct dependencies are excluded from runs too
 */
public record UnitNode(
    String path,
    SortedMap<String, Location> dependencies,
    boolean excluded,
    SortedSet<String> reads,
    List<UnresolvedEdge> unresolved,
    SortedSet<String> probes,
    boolean excludeDependencies) {

  public UnitNode {
    dependencies = Collections.unmodifiableSortedMap(new TreeMap<>(dependencies));
    reads = Collections.unmodifiableSortedSet(new TreeSet<>(reads));
    unresolved = List.copyOf(unresolved);
    probes = Collections.unmodifiableSortedSet(new TreeSet<>(probes));
  }

  /** A unit without probes. */
  public UnitNode(
      String path,
      SortedMap<String, Location> dependencies,
      boolean excluded,
      SortedSet<String> reads,
      List<UnresolvedEdge> unresolved) {
    this(path, dependencies, excluded, reads, unresolved, new TreeSet<>(), false);
  }
}
