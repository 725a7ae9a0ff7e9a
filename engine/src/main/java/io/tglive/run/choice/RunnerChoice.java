package io.tglive.run.choice;

import io.tglive.policy.AccountMapping;
import io.tglive.policy.RunnerRules;
import io.tglive.policy.RunnerSettings;
import io.tglive.run.state.RunUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    if (override != null && !override.equals(RunnerSettings.LOCAL) && !override.equals(RunnerSettings.CODEBUILD)) {
      throw new IllegalArgumentException("--runner " + override + " is unknown: use local or codebuild");
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
      RunnerSettings settings = accounts.named(unit.account()).map(a -> a.runner()).orElse(RunnerSettings.NONE);
      if (override != null) {
        settings = settings.withRunner(override);
        RunnerRules.check(settings).forEach(p -> problems.add("account '" + unit.account() + "': " + p.message()
            + " (for --runner " + override + ")"));
      }
      chosen.put(unit.account(), settings);
    }
    if (RunnerSettings.CODEBUILD.equals(override) && !outside.isEmpty()) {
      problems.add("--runner codebuild: " + String.join(", ", outside) + " belong" + (outside.size() == 1 ? "s" : "")
          + " to no account, so no CodeBuild project is configured for "
          + (outside.size() == 1 ? "it" : "them"));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return chosen;
  }
}
