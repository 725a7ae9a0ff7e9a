package io.tglive.approval;

import io.tglive.policy.GateRules;
import io.tglive.stack.ApprovalPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A gate's own voters, counts or timeout, given where the gate is called ({@code tgApprovalGate}'s
 * parameters); each null keeps the account's. Unless the administrator allows otherwise, an override
 * may only make the gate stricter: voters a subset of the account's, at least its approvals, at most
 * its rejections, a timeout no longer than its.
 *
 * @param voters the gate's voters, or null
 * @param approvals approvals required, or null
 * @param rejections rejections required, or null
 * @param timeout ISO-8601 timeout, or null
 */
public record GateOverride(List<String> voters, Integer approvals, Integer rejections, String timeout) {

  /** No override. */
  public static final GateOverride NONE = new GateOverride(null, null, null, null);

  public GateOverride {
    voters = voters == null ? null : voters.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    timeout = timeout == null || timeout.isBlank() ? null : timeout.strip();
  }

  /**
   * The policy with this override applied.
   *
   * @param allowLaxer whether the administrator lets overrides relax the account's policy
   * @throws IllegalArgumentException naming every way the override relaxes the policy, or a bad value
   */
  public ApprovalPolicy apply(ApprovalPolicy base, boolean allowLaxer) {
    List<String> problems = new ArrayList<>();
    List<String> newVoters = voters == null ? base.voters() : voters;
    int newApprovals = approvals == null ? base.approvalsRequired() : approvals;
    int newRejections = rejections == null ? base.rejectionsRequired() : rejections;
    if (approvals != null && approvals < 1) {
      problems.add("approvals must be at least 1, not " + approvals);
    }
    if (rejections != null && rejections < 1) {
      problems.add("rejections must be at least 1, not " + rejections);
    }
    Optional<Duration> newTimeout = timeout == null ? base.rules().timeoutDuration() : GateRules.parseTimeout(timeout);
    if (timeout != null && newTimeout.isEmpty()) {
      problems.add("timeout '" + timeout + "' must be a positive ISO-8601 duration such as PT4H");
    }
    if (!allowLaxer) {
      List<String> added = newVoters.stream()
          .filter(v -> base.voters().stream().noneMatch(b -> b.toLowerCase(Locale.ROOT).equals(v.toLowerCase(Locale.ROOT))))
          .toList();
      if (!added.isEmpty()) {
        problems.add("voters " + String.join(", ", added) + " are not voters of the account");
      }
      if (newApprovals < base.approvalsRequired()) {
        problems.add("approvals " + newApprovals + " is fewer than the account's " + base.approvalsRequired());
      }
      if (newRejections > base.rejectionsRequired()) {
        problems.add("rejections " + newRejections + " is more than the account's " + base.rejectionsRequired());
      }
      Optional<Duration> baseTimeout = base.rules().timeoutDuration();
      if (timeout != null && newTimeout.isPresent() && baseTimeout.isPresent()
          && newTimeout.get().compareTo(baseTimeout.get()) > 0) {
        problems.add("timeout " + timeout + " is longer than the account's " + base.rules().timeout());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("the gate's overrides " + (allowLaxer ? "are invalid" : "may only make it"
          + " stricter") + ": " + String.join("; ", problems));
    }
    GateRules rules = base.rules();
    return new ApprovalPolicy(newVoters, newApprovals, newRejections, new GateRules(rules.allowSelfApproval(),
        rules.destroyApprovalsRequired() == null ? null : Math.max(rules.destroyApprovalsRequired(), newApprovals),
        rules.newProviderApprovalsRequired() == null ? null
            : Math.max(rules.newProviderApprovalsRequired(), newApprovals),
        timeout == null ? rules.timeout() : timeout));
  }
}
