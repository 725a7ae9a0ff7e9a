package io.tglive.stack;

import io.tglive.change.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack as plain, serializable JDK values for scripting callers such as Jenkins Pipeline: one
 * {@link LinkedHashMap} per unit, in deploy order (wave by wave, paths sorted within a wave), holding
 * only {@link String}, {@link Integer}, {@link ArrayList} and nested maps.
 */
public final class StackMaps {

  private StackMaps() {}

  /**
   * The units of the stack in deploy order, each with {@code path}, {@code action} ({@code apply} or
   * {@code destroy}), {@code commit} (the full sha whose tree holds the unit: the head for an apply,
   * the base for a destroy, since a deleted unit exists only there), {@code reasons}, {@code account}
   * (null outside every account), {@code policy} ({@code voters}, {@code approvalsRequired},
   * {@code rejectionsRequired}), {@code dependencies}, {@code dependents}, {@code after},
   * {@code wave} and {@code criticalPath}.
   */
  public static List<Map<String, Object>> units(StackResult result) {
    List<Map<String, Object>> units = new ArrayList<>();
    for (List<String> wave : result.stack().order()) {
      for (String path : wave) {
        units.add(unit(result.stack().units().get(path), result));
      }
    }
    return units;
  }

  private static Map<String, Object> unit(StackUnit unit, StackResult result) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", unit.path());
    map.put("action", unit.action().label());
    map.put("commit", unit.action() == StackAction.DESTROY ? result.base() : result.head());
    map.put("reasons", strings(unit.reasons().stream().map(Reason::toString).toList()));
    map.put("account", unit.account());
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("voters", strings(unit.policy().voters()));
    policy.put("approvalsRequired", unit.policy().approvalsRequired());
    policy.put("rejectionsRequired", unit.policy().rejectionsRequired());
    map.put("policy", policy);
    map.put("dependencies", strings(unit.dependencies()));
    map.put("dependents", strings(unit.dependents()));
    map.put("after", strings(unit.after()));
    map.put("wave", unit.wave());
    map.put("criticalPath", unit.criticalPath());
    return map;
  }

  private static ArrayList<String> strings(Collection<String> values) {
    return new ArrayList<>(values);
  }
}
