package io.tglive.run.state;

import io.tglive.policy.RunnerSettings;
import io.tglive.stack.StackAction;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run deploys: recorded once, in the first journal event.
 *
 * @param id the run's id
 * @param repo absolute path of the repository
 * @param base the base revision as given, {@code baseCommit} its full sha
 * @param head the head revision as given, {@code headCommit} its full sha
 * @param units every unit of the stack
 * @param runners where and with which commands each account's units run, by account name, as chosen
 *     when the run started (a resumed run uses the same); units of other accounts and outside every
 *     account run locally with the run's defaults
 */
public record RunHeader(String id, String repo, String base, String baseCommit, String head, String headCommit,
    List<RunUnit> units, Map<String, RunnerSettings> runners) {

  public RunHeader {
    units = List.copyOf(units);
    runners = Map.copyOf(Objects.requireNonNullElse(runners, Map.of()));
  }

  /** A header whose units all run locally with the run's defaults. */
  public RunHeader(String id, String repo, String base, String baseCommit, String head, String headCommit,
      List<RunUnit> units) {
    this(id, repo, base, baseCommit, head, headCommit, units, Map.of());
  }

  /** This header with the runner settings of each account. */
  public RunHeader withRunners(Map<String, RunnerSettings> value) {
    return new RunHeader(id, repo, base, baseCommit, head, headCommit, units, value);
  }

  /** The runner settings of {@code account} (null: outside every account). */
  public RunnerSettings runnerOf(String account) {
    return account == null ? RunnerSettings.NONE : runners.getOrDefault(account, RunnerSettings.NONE);
  }

  /** The header of a run deploying a computed stack; destroys run in {@code stack.base()}, applies in its head. */
  public static RunHeader of(String id, String repo, String base, String head, StackResult stack) {
    List<RunUnit> units = new ArrayList<>();
    for (StackUnit unit : stack.stack().units().values()) {
      units.add(new RunUnit(unit.path(), unit.action() == StackAction.DESTROY, unit.account(),
          List.copyOf(unit.after()), unit.criticalPath(), unit.policy().voters(), unit.policy().approvalsRequired(),
          unit.policy().rejectionsRequired(), unit.policy().rules()));
    }
    return new RunHeader(id, repo, base, stack.base(), head, stack.head(), units);
  }
}
