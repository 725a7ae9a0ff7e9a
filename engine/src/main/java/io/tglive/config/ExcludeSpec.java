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

  /**
   * True when {@code run --all <command>} excludes the unit, as Terragrunt's discovery decides it
   * ({@code IsActionListedInExclude}): {@code if} is true and {@code actions} holds {@code all},
   * {@code all_except_output} (for any command but {@code output}) or the command, compared without
   * case. {@code no_run} only concerns running the single unit directly, so it plays no part.
   */
  public boolean excludes(String command) {
    if (!condition.orElse(false)) {
      return false;
    }
    for (String action : actions) {
      if (action.equals("all")
          || (action.equals("all_except_output") && !command.equalsIgnoreCase("output"))
          || action.equalsIgnoreCase(command)) {
        return true;
      }
    }
    return false;
  }
}
