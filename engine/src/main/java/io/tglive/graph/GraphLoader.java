package io.tglive.graph;

import io.tglive.config.ConfigException;
import io.tglive.config.HclFileCache;
import io.tglive.repo.RepoTree;

/** Discovers the units of a repository snapshot, evaluates them in parallel and builds their graph. */
public final class GraphLoader {

  private GraphLoader() {}

  /** Loads the graph of the snapshot; parsed files are shared through the cache. */
  public static LoadedGraph load(RepoTree tree, LoadOptions options, HclFileCache cache)
      throws ConfigException, GraphCycleException {
    throw new UnsupportedOperationException("to be implemented");
  }
}
