package io.tglive.run.state;

import io.tglive.stack.StackAction;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run deploys: recorded once, in the first journal event.
 *
 * @param id the run's id
 * @param repo absolute path of the repository
 * @param base the base revision as given, {@code baseCommit} its full sha
 * @param head the head revision as given, {@code headCommit} its full sha
 * @param units every unit of the stack
 */
public record RunHeader(String id, String repo, String base, String baseCommit, String head, String headCommit,
    List<RunUnit> units) {

  public RunHeader {
    units = List.copyOf(units);
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
