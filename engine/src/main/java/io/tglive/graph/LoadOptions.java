package io.tglive.graph;

import java.util.List;
import java.util.Map;

/**
 * How to discover and evaluate units.
 *
 * @param environment what {@code get_env} sees
 * @param rootConfigIsUnit treat a {@code terragrunt.hcl} that others include, with no terraform
 *     source and no {@code *.tf} files, as a unit (Terragrunt 1.x) instead of a root configuration
 *     (Terragrunt up to 0.99, the default)
 * @param parallelism threads used to evaluate units; 0 means one per available processor
 * @param excludeDirs directories discovery does not walk, besides {@code .git}, {@code .terraform}
 *     and {@code .terragrunt-cache}: a name pattern ({@code *} and {@code ?}; {@code .*} skips every
 *     hidden directory) or a repository-relative path (with a {@code /}); see {@link SkippedDirectories}
 */
public record LoadOptions(
    Map<String, String> environment, boolean rootConfigIsUnit, int parallelism, List<String> excludeDirs) {

  public LoadOptions {
    environment = Map.copyOf(environment);
    excludeDirs = List.copyOf(excludeDirs);
  }

  /** Options that exclude no directory beyond Terragrunt's own. */
  public LoadOptions(Map<String, String> environment, boolean rootConfigIsUnit, int parallelism) {
    this(environment, rootConfigIsUnit, parallelism, List.of());
  }

  /** No environment, legacy root configurations, all processors. */
  public static LoadOptions defaults() {
    return new LoadOptions(Map.of(), false, 0);
  }

  /** These options with another list of excluded directories. */
  public LoadOptions withExcludeDirs(List<String> patterns) {
    return new LoadOptions(environment, rootConfigIsUnit, parallelism, patterns);
  }
}
