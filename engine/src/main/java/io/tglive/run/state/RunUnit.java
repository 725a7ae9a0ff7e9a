package io.tglive.run.state;

import java.util.List;

/**
 * One unit as the run recorded it when it started: enough to resume without recomputing the stack.
 *
 * @param path repository-relative unit directory
 * @param destroy whether the unit is destroyed (planned with {@code -destroy} in the base commit)
 * @param account its account, or null
 * @param after the units of the run it waits for
 * @param criticalPath units on the longest chain waiting for it (the scheduling priority)
 * @param voters who may approve
 * @param approvalsRequired approvals needed, 0 for no gate
 * @param rejectionsRequired rejections that stop it
 */
public record RunUnit(
    String path,
    boolean destroy,
    String account,
    List<String> after,
    int criticalPath,
    List<String> voters,
    int approvalsRequired,
    int rejectionsRequired) {

  public RunUnit {
    after = List.copyOf(after);
    voters = List.copyOf(voters);
  }
}
