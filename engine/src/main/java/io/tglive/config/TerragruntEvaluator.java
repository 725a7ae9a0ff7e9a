package io.tglive.config;

import io.tglive.repo.RepoTree;
import java.nio.file.Path;
import java.util.Map;

/**
 * Evaluates a unit's {@code terragrunt.hcl} the way Terragrunt's partial parse does for the graph,
 * with an explicit unknown value that propagates and is never guessed. Thread-safe: one evaluator
 * may serve many threads.
 */
public final class TerragruntEvaluator {

  /**
   * @param tree the repository snapshot to read
   * @param environment what {@code get_env} sees
   * @param cache parsed files, shared with other evaluators
   */
  public TerragruntEvaluator(RepoTree tree, Map<String, String> environment, HclFileCache cache) {
    throw new UnsupportedOperationException("to be implemented");
  }

  /** Evaluates the unit in this directory (which holds a {@code terragrunt.hcl}). */
  public UnitConfig evaluate(Path unitDirectory) throws ConfigException {
    throw new UnsupportedOperationException("to be implemented");
  }
}
