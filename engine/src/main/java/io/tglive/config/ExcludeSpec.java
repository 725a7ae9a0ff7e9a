package io.tglive.config;

import java.util.List;
import java.util.Optional;

/**
 * An evaluated {@code exclude} block.
 *
 * @param condition the value of {@code if}; empty when it evaluated to unknown
 * @param actions {@code actions}, such as {@code plan}, {@code apply}, {@code all}
 * @param excludeDependencies {@code exclude_dependencies}
 * @param noRun {@code no_run}
 */
public record ExcludeSpec(
    Optional<Boolean> condition, List<String> actions, boolean excludeDependencies, boolean noRun) {

  public ExcludeSpec {
    actions = List.copyOf(actions);
  }

  /** True when the unit is excluded for the given Terragrunt command. */
  public boolean excludes(String command) {
    if (!condition.orElse(false)) {
      return false;
    }
    return actions.contains("all")
        || actions.contains(command)
        || (actions.contains("all_except_output") && !command.equals("output"));
  }
}
