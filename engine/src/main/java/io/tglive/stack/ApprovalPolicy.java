package io.tglive.stack;

import io.tglive.policy.Account;
import io.tglive.policy.GateRules;
import java.util.Objects;
import java.util.List;

/**
 * Who must approve a unit's apply before it runs.
 *
 * @param voters user ids and {@code group:NAME} groups
 * @param approvalsRequired approvals needed; 0 means no gate
 * @param rejectionsRequired rejections that stop the apply
 * @param rules self-approval, stricter destroys and provider additions, timeout
 */
public record ApprovalPolicy(List<String> voters, int approvalsRequired, int rejectionsRequired, GateRules rules) {

  /** The policy of a unit outside every account: no gate, it runs without a vote. */
  public static final ApprovalPolicy NONE = new ApprovalPolicy(List.of(), 0, 1);

  public ApprovalPolicy {
    voters = List.copyOf(voters);
    rules = Objects.requireNonNullElse(rules, GateRules.DEFAULT);
  }

  /** A policy with the default gate rules. */
  public ApprovalPolicy(List<String> voters, int approvalsRequired, int rejectionsRequired) {
    this(voters, approvalsRequired, rejectionsRequired, GateRules.DEFAULT);
  }

  /** The policy of an account's units. */
  public static ApprovalPolicy of(Account account) {
    return new ApprovalPolicy(account.voters(), account.approvalsRequired(), account.rejectionsRequired(),
        account.gate());
  }
}
