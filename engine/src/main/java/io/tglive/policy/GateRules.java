package io.tglive.policy;

import java.io.Serializable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An account's finer approval rules, beside its voters and counts.
 *
 * @param allowSelfApproval whether the change's author may approve it
 * @param destroyApprovalsRequired approvals a destroy needs; null: approvalsRequired + 1, at most the number of listed voters
 * @param newProviderApprovalsRequired approvals a plan that adds a provider needs; null: approvalsRequired
 * @param timeout how long a gate stays open (ISO-8601, {@code PT4H}); null: no limit. On timeout the gate is rejected
 * @param rollback who approves the account's rollbacks ({@link RollbackRules#SAME}: as its other plans)
 */
public record GateRules(boolean allowSelfApproval, Integer destroyApprovalsRequired,
    Integer newProviderApprovalsRequired, String timeout, RollbackRules rollback) implements Serializable {

  /** No self-approval, the default stricter destroys, no stricter provider additions, no timeout. */
  public static final GateRules DEFAULT = new GateRules(false, null, null, null);

  public GateRules {
    timeout = timeout == null || timeout.isBlank() ? null : timeout.strip();
    rollback = rollback == null ? RollbackRules.SAME : rollback;
  }

  /** Rules whose rollbacks are approved like the account's other plans. */
  public GateRules(boolean allowSelfApproval, Integer destroyApprovalsRequired, Integer newProviderApprovalsRequired,
      String timeout) {
    this(allowSelfApproval, destroyApprovalsRequired, newProviderApprovalsRequired, timeout, RollbackRules.SAME);
  }

  /** These rules with {@code rules} for rollbacks. */
  public GateRules withRollback(RollbackRules rules) {
    return new GateRules(allowSelfApproval, destroyApprovalsRequired, newProviderApprovalsRequired, timeout, rules);
  }

  /** The timeout, when there is one and it parses. */
  public Optional<Duration> timeoutDuration() {
    return timeout == null ? Optional.empty() : parseTimeout(timeout);
  }

  /** {@code text} as a positive ISO-8601 duration ({@code PT30M}, {@code P1D}), or empty. */
  public static Optional<Duration> parseTimeout(String text) {
    try {
      Duration duration = Duration.parse(text.strip());
      return duration.isNegative() || duration.isZero() ? Optional.empty() : Optional.of(duration);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
