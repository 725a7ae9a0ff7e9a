package io.jenkins.plugins.tglive;

import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.stepwise.UnitOutcome;
import io.tglive.run.terragrunt.PlanSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code tgPlanPath} and {@code tgApplyPath} return: plain maps, safe to keep in Pipeline variables. */
final class UnitResults {

  private UnitResults() {}

  /**
   * {@code path}, {@code status}, {@code changes}, {@code add}, {@code change}, {@code destroy},
   * {@code replace}, {@code hash} (null without changes), {@code gateRequired}, {@code summary} (the
   * counts, then one line per changed resource) and {@code resources} (those lines).
   */
  static Map<String, Object> plan(UnitOutcome outcome) {
    PlanSummary plan = outcome.changes() ? outcome.plan() : null;
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", outcome.unit());
    map.put("status", label(outcome.status()));
    map.put("changes", plan != null);
    map.put("add", plan == null ? 0 : plan.create());
    map.put("change", plan == null ? 0 : plan.update());
    map.put("destroy", plan == null ? 0 : plan.delete());
    map.put("replace", plan == null ? 0 : plan.replace());
    map.put("hash", plan == null ? null : plan.hash());
    map.put("gateRequired", outcome.gateRequired());
    map.put("summary", plan == null ? label(outcome.status())
        : plan.counts() + (plan.changes().isEmpty() ? "" : "\n" + String.join("\n", plan.changes())));
    map.put("resources", plan == null ? new ArrayList<String>() : new ArrayList<>(plan.changes()));
    return map;
  }

  /** {@code path}, {@code status}, {@code applied} (whether this plan was applied), {@code hash} (the applied plan's), {@code message}. */
  static Map<String, Object> apply(UnitOutcome outcome, UnitRecord record) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", outcome.unit());
    map.put("status", label(outcome.status()));
    map.put("applied", outcome.status() == UnitStatus.APPLIED);
    map.put("hash", record.appliedHash());
    map.put("message", outcome.message());
    return map;
  }

  /** {@code no-changes}, {@code applied}… as in the HTML report. */
  static String label(UnitStatus status) {
    return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
