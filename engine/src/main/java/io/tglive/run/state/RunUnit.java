package io.tglive.run.state;

import io.tglive.policy.GateRules;
import java.util.List;
import java.util.Objects;

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
 * @param gate the account's finer approval rules (absent in journals written before them: the defaults)
 */
public record RunUnit(
    String path,
    boolean destroy,
    String account,
    List<String> after,
    int criticalPath,
    List<String> voters,
    int approvalsRequired,
    int rejectionsRequired,
    GateRules gate) {

  public RunUnit {
    after = List.copyOf(after);
    voters = List.copyOf(voters);
    gate = Objects.requireNonNullElse(gate, GateRules.DEFAULT);
  }

  /** A unit with the default gate rules. */
  public RunUnit(String path, boolean destroy, String account, List<String> after, int criticalPath,
      List<String> voters, int approvalsRequired, int rejectionsRequired) {
    this(path, destroy, account, after, criticalPath, voters, approvalsRequired, rejectionsRequired,
        GateRules.DEFAULT);
  }

  /** Its approval policy. */
  public io.tglive.stack.ApprovalPolicy policy() {
    return new io.tglive.stack.ApprovalPolicy(voters, approvalsRequired, rejectionsRequired, gate);
  }
}
