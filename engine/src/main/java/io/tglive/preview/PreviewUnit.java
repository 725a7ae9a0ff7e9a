package io.tglive.preview;

import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import io.tglive.stack.StackAction;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The preview of one unit of a pull request's stack.
 *
 * @param path repository-relative unit directory
 * @param action apply or destroy
 * @param reasons why the unit is in the stack ({@code changed}, {@code dependent-of:net}…), sorted
 * @param account the account owning the unit, or null
 * @param policy the approval its apply will need
 * @param status what the preview found
 * @param plan the plan's summary for {@link PreviewStatus#CHANGES}, else null
 * @param waitingFor for {@link PreviewStatus#WAITING}: the in-stack dependencies it is planned after
 * @param message for {@link PreviewStatus#FAILED}: why, with the end of terragrunt's output; else null
 * @param elapsed time spent planning it (zero when not planned)
 */
public record PreviewUnit(
    String path,
    StackAction action,
    List<String> reasons,
    String account,
    ApprovalPolicy policy,
    PreviewStatus status,
    PlanSummary plan,
    List<String> waitingFor,
    String message,
    Duration elapsed) {

  public PreviewUnit {
    Objects.requireNonNull(path, "path");
    reasons = List.copyOf(reasons);
    policy = Objects.requireNonNullElse(policy, ApprovalPolicy.NONE);
    waitingFor = List.copyOf(waitingFor);
    elapsed = Objects.requireNonNullElse(elapsed, Duration.ZERO);
  }

  /** Whether its apply must be approved. */
  public boolean gated() {
    return policy.approvalsRequired() > 0;
  }

  /**
   * The gate in words: {@code none}, or {@code 2 of alice, bob (1 rejection stops)} with the account
   * ({@code prod: 2 of …}).
   */
  public String gate() {
    if (!gated()) {
      return "none";
    }
    int rejections = policy.rejectionsRequired();
    String who = policy.approvalsRequired() + " of " + String.join(", ", policy.voters()) + " ("
        + rejections + (rejections == 1 ? " rejection stops)" : " rejections stop)");
    return account == null ? who : account + ": " + who;
  }

  /** The outcome in one phrase: the plan's counts, {@code no changes}, the failure, or what it waits for. */
  public String outcome() {
    return switch (status) {
      case CHANGES -> plan.counts();
      case NO_CHANGES -> "no changes";
      case FAILED -> "plan failed: " + message;
      case WAITING -> "planned after " + String.join(", ", waitingFor) + (waitingFor.size() == 1 ? " applies" : " apply");
    };
  }
}
