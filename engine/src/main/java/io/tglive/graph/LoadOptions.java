package io.tglive.graph;

import java.util.Map;

/**
 * How to discover and evaluate units.
 *
 * @param environment what {@code get_env} sees
 * @param rootConfigIsUnit treat a {@code terragrunt.hcl} that others include, with no terraform
 *     source and no {@code *.tf} files, as a unit (Terragrunt 1.x) instead of a root configuration
 *     (Terragrunt up to 0.99, the default)
 * @param parallelism threads used to evaluate units; 0 means one per available processor
 */
public record LoadOptions(Map<String, String> environment, boolean rootConfigIsUnit, int parallelism) {

  public LoadOptions {
    environment = Map.copyOf(environment);
  }

  /** No environment, legacy root configurations, all processors. */
  public static LoadOptions defaults() {
    return new LoadOptions(Map.of(), false, 0);
  }
}
