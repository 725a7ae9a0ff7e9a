package io.tglive.approval;

import io.tglive.run.state.RunState;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.terragrunt.PlanSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a gate step needs from a run's state: the unit, the plan it gates, and the votes as plain values. */
public final class RunGates {

  private RunGates() {}

  /**
   * The unit of the run, and the plan with changes it waits to apply.
   *
   * @throws IllegalArgumentException when the run has no such unit, or it has no plan waiting for approval
   */
  public static Gated gated(RunState state, String unit) {
    RunUnit runUnit = state.header() == null ? null
        : state.header().units().stream().filter(u -> u.path().equals(unit)).findFirst().orElse(null);
    if (runUnit == null) {
      throw new IllegalArgumentException("the run has no unit " + unit);
    }
    UnitRecord record = state.units().get(unit);
    if (record == null || record.plan() == null || record.status().terminal()) {
      throw new IllegalArgumentException(unit + " has no plan waiting for approval"
          + (record == null ? "" : " (it is " + record.status().label() + ")") + ": plan it first");
    }
    return new Gated(runUnit, record.plan());
  }

  /**
   * A unit and the plan it gates.
   *
   * @param unit the unit as the run recorded it (its policy)
   * @param plan its latest plan with changes
   */
  public record Gated(RunUnit unit, PlanSummary plan) {}

  /** The gate's live votes as maps ({@code voter}, {@code decision}, {@code comment}, {@code at}), for a pipeline. */
  public static List<Map<String, Object>> votes(GateState gate) {
    return gate.votes().stream().map(vote -> {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("voter", vote.voter());
      map.put("decision", vote.decision().word());
      map.put("comment", vote.comment());
      map.put("at", vote.at());
      return map;
    }).toList();
  }
}
