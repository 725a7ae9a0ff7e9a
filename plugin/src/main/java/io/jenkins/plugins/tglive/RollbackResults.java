package io.jenkins.plugins.tglive;

import io.tglive.rollback.RollbackPlan;
import io.tglive.rollback.RollbackResult;
import io.tglive.rollback.RollbackStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code tgRollback} and {@code tgRollbackResult} return: plain maps and lists, safe in Pipeline variables. */
final class RollbackResults {

  private RollbackResults() {}

  /**
   * {@code mode}, {@code selected}, {@code lines} (the plan in words), {@code steps} (in order: {@code id},
   * {@code unit}, {@code action}, {@code after}, {@code targets}, {@code why}) and {@code units} (in order of
   * their first step: {@code path}, {@code steps}, the ids of its steps in order, {@code actions}, {@code why}).
   */
  static Map<String, Object> plan(RollbackPlan plan) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mode", plan.mode().label());
    map.put("selected", new ArrayList<>(plan.selected()));
    map.put("lines", new ArrayList<>(plan.lines()));
    List<Map<String, Object>> steps = new ArrayList<>();
    Map<String, Map<String, Object>> units = new LinkedHashMap<>();
    for (RollbackStep step : plan.steps()) {
      Map<String, Object> entry = step(step);
      entry.put("after", new ArrayList<>(step.after()));
      entry.put("targets", new ArrayList<>(step.targets()));
      entry.put("why", step.why());
      steps.add(entry);
      Map<String, Object> unit = units.computeIfAbsent(step.unit(), path -> {
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("path", path);
        created.put("steps", new ArrayList<String>());
        created.put("actions", new ArrayList<String>());
        created.put("why", step.why());
        return created;
      });
      list(unit, "steps").add(step.id());
      list(unit, "actions").add(step.action().label());
    }
    map.put("steps", steps);
    map.put("units", new ArrayList<>(units.values()));
    return map;
  }

  /**
   * {@code outcome} ({@code succeeded}, {@code failed}, {@code rejected}, or {@code none} when there was
   * nothing to roll back), {@code done} (steps: {@code id}, {@code unit}, {@code action}), {@code left} (the
   * same with {@code status} and {@code message}: exactly what is left to fix) and {@code lines}.
   */
  static Map<String, Object> result(RollbackResult result) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("outcome", result.outcome().label());
    List<Map<String, Object>> done = new ArrayList<>();
    result.done().forEach(step -> done.add(step(step)));
    List<Map<String, Object>> left = new ArrayList<>();
    for (RollbackResult.Left step : result.left()) {
      Map<String, Object> entry = step(step.step());
      entry.put("status", UnitResults.label(step.status()));
      entry.put("message", step.message());
      left.add(entry);
    }
    map.put("done", done);
    map.put("left", left);
    map.put("lines", new ArrayList<>(result.lines()));
    return map;
  }

  /** The result when the build has no rollback. */
  static Map<String, Object> none() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("outcome", "none");
    map.put("done", new ArrayList<>());
    map.put("left", new ArrayList<>());
    map.put("lines", new ArrayList<>(List.of("no rollback ran in this build")));
    return map;
  }

  private static Map<String, Object> step(RollbackStep step) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", step.id());
    entry.put("unit", step.unit());
    entry.put("action", step.action().label());
    return entry;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> map, String key) {
    return (List<String>) map.get(key);
  }
}
