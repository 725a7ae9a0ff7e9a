package io.tglive.policy;

import java.io.Serializable;
import java.util.List;

/**
 * Who approves an account's rollbacks, when not its usual voters and counts: each value left null
 * is the account's own.
 *
 * @param voters who votes on rollback steps ({@code rollbackVoters}); null: the account's voters
 * @param approvalsRequired approvals every rollback step needs, destroys included
 *     ({@code rollbackApprovalsRequired}); null: the account's rules, as for any plan
 * @param rejectionsRequired rejections that stop a rollback step ({@code rollbackRejectionsRequired});
 *     null: the account's
 */
public record RollbackRules(List<String> voters, Integer approvalsRequired, Integer rejectionsRequired)
    implements Serializable {

  /** No rollback-specific settings: rollbacks are approved like the account's other plans. */
  public static final RollbackRules SAME = new RollbackRules(null, null, null);

  public RollbackRules {
    voters = voters == null ? null : voters.stream().map(v -> v == null ? "" : v.strip()).toList();
  }

  /** Whether nothing is set. */
  public boolean same() {
    return voters == null && approvalsRequired == null && rejectionsRequired == null;
  }
}
