package io.tglive.config;

import java.nio.file.Path;

/**
 * A resolved edge from a unit to a directory it depends on.
 *
 * @param target absolute, lexically cleaned directory (it may hold no unit: a missing node)
 * @param origin where the edge came from
 * @param name the {@code dependency} block label, or null for {@code dependencies.paths}
 * @param location file and line of the expression that produced the path
 */
public record DependencyEdge(Path target, Origin origin, String name, Location location) {

  /** The construct that declared an edge. */
  public enum Origin {
    DEPENDENCY_BLOCK,
    DEPENDENCIES_PATHS
  }
}
