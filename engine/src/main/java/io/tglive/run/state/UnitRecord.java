package io.tglive.run.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tglive.run.terragrunt.PlanSummary;

/**
 * What the journal says about one unit: its status and everything a rollback needs.
 *
 * @param path the unit
 * @param status where it stands
 * @param plan the summary of its latest plan with changes
 * @param planDigest SHA-256 of that plan file's bytes
 * @param approvedHash the plan hash the gate approved
 * @param decidedBy who approved or rejected it, and {@code why}
 * @param appliedHash the plan hash that was applied
 * @param commit the commit the apply ran in
 * @param applying the plan whose apply started and was not seen to end (a run killed mid-apply)
 * @param applies how many applies of the unit succeeded in this run (never more than one)
 * @param message the failure, or the unit that blocked it
 * @param started when its first command started; {@code finished} when it reached its final status
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnitRecord(
    String path,
    UnitStatus status,
    PlanSummary plan,
    String planDigest,
    String approvedHash,
    String decidedBy,
    String why,
    String appliedHash,
    String commit,
    PlanSummary applying,
    int applies,
    String message,
    String started,
    String finished) {

  static UnitRecord pending(String path) {
    return new UnitRecord(path, UnitStatus.PENDING, null, null, null, null, null, null, null, null, 0, null, null, null);
  }

  UnitRecord with(UnitStatus value, String at) {
    return new UnitRecord(path, value, plan, planDigest, approvedHash, decidedBy, why, appliedHash, commit, applying,
        applies, message, started == null ? at : started, value.terminal() ? at : null);
  }

  UnitRecord planned(PlanSummary summary, String digest) {
    return new UnitRecord(path, status, summary, digest, null, null, null, appliedHash, commit, applying, applies,
        message, started, finished);
  }

  UnitRecord decided(boolean approved, String who, String reason) {
    return new UnitRecord(path, status, plan, planDigest, approved && plan != null ? plan.hash() : null, who, reason,
        appliedHash, commit, applying, applies, message, started, finished);
  }

  UnitRecord applyStarted(PlanSummary summary) {
    return new UnitRecord(path, status, plan, planDigest, approvedHash, decidedBy, why, appliedHash, commit, summary,
        applies, message, started, finished);
  }

  UnitRecord applied(String hash, String sha) {
    return new UnitRecord(path, status, plan, planDigest, approvedHash, decidedBy, why, hash, sha, null, applies + 1,
        message, started, finished);
  }

  UnitRecord withMessage(String text) {
    return new UnitRecord(path, status, plan, planDigest, approvedHash, decidedBy, why, appliedHash, commit, applying,
        applies, text, started, finished);
  }
}
