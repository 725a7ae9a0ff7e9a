package io.tglive.run.choice;

import io.tglive.policy.AccountMapping;
import io.tglive.policy.RunnerRules;
import io.tglive.policy.RunnerSettings;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which runner each account of a run uses: the account's own ({@code runner:} in {@code .tglive.yaml}
 * or Jenkins, local when unset), or the one a CLI call or step names for all. An override is checked
 * against every account it applies to (the CodeBuild runner needs a project, region and bucket).
 */
public final class RunnerChoice {

  private RunnerChoice() {}

  /**
   * The runner settings of every account the units belong to, {@code override} (null for none)
   * applied.
   *
   * @throws IllegalArgumentException naming every account whose settings do not allow the choice,
   *     and the units outside every account when the override is {@code codebuild}
   */
  public static Map<String, RunnerSettings> choose(AccountMapping accounts, List<RunUnit> units, String override) {
    return choose(account -> accounts.named(account).map(a -> a.runner()).orElse(RunnerSettings.NONE), units,
        override, "--runner " + override);
  }

  /**
   * The runner settings of the accounts of {@code units} as {@code header} recorded them when the run
   * started, {@code override} (null for none) applied and checked as {@link #choose(AccountMapping,
   * List, String)} does: what one step of a run that names its own runner uses (a Jenkins unit step).
   *
   * @param asked how the override was asked for, for messages ({@code runner: 'codebuild'})
   */
  public static Map<String, RunnerSettings> choose(RunHeader header, List<RunUnit> units, String override,
      String asked) {
    return choose(header::runnerOf, units, override, asked);
  }

  private static Map<String, RunnerSettings> choose(Function<String, RunnerSettings> recorded, List<RunUnit> units,
      String override, String asked) {
    if (override != null && !override.equals(RunnerSettings.LOCAL) && !override.equals(RunnerSettings.CODEBUILD)) {
      throw new IllegalArgumentException(asked + " is unknown: use local or codebuild");
    }
    Map<String, RunnerSettings> chosen = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    List<String> outside = new ArrayList<>();
    for (RunUnit unit : units) {
      if (unit.account() == null) {
        outside.add(unit.path());
        continue;
      }
      if (chosen.containsKey(unit.account())) {
        continue;
      }
      RunnerSettings settings = recorded.apply(unit.account());
      if (override != null) {
        settings = settings.withRunner(override);
        RunnerRules.check(settings).forEach(p -> problems.add("account '" + unit.account() + "': " + p.message()
            + " (for " + asked + ")"));
      }
      chosen.put(unit.account(), settings);
    }
    if (RunnerSettings.CODEBUILD.equals(override) && !outside.isEmpty()) {
      problems.add(asked + ": " + String.join(", ", outside) + " belong" + (outside.size() == 1 ? "s" : "")
          + " to no account, so no CodeBuild project is configured for "
          + (outside.size() == 1 ? "it" : "them"));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return chosen;
  }
}
