package io.tglive.approval.notify;

import io.tglive.run.terragrunt.PlanSummary;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the voters of a gate that just opened are told.
 *
 * @param runId        the run the gate belongs to
 * @param unit         the unit's repository path
 * @param account      the unit's account, empty when it belongs to none
 * @param change       the change being deployed, as people name it ({@code PR #12}, or a short commit)
 * @param commit       the commit whose plan is gated
 * @param plan         the plan being approved, with its hash
 * @param voters       who may vote (user ids and {@code group:NAME} entries)
 * @param approvalPage where to vote, when there is a page
 */
public record GateNotice(
    String runId,
    String unit,
    Optional<String> account,
    String change,
    String commit,
    PlanSummary plan,
    List<String> voters,
    Optional<URI> approvalPage) {

  public GateNotice {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(plan, "plan");
    voters = List.copyOf(voters);
    Objects.requireNonNull(approvalPage, "approvalPage");
  }
}
