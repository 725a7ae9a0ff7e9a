package io.tglive.rollback;

import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.stack.ApprovalPolicy;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes the rollback of a run from its header (units, their {@code after} relation, accounts),
 * the records of its journal and the facts of both trees.
 *
 * <ul>
 *   <li><b>Changed units</b>: those whose apply started (applied, or failed or cut short part-way).
 *   <li><b>Closure</b> ({@code selective}): a unit rolls back with every changed unit that waited for
 *       it in the run. An apply that waited for it was planned against its new version (its
 *       outputs, or an earlier account's change); a destroy that waited for it was a dependency of
 *       its base version. Repeated until nothing is added: no unit is left depending on a version
 *       of its dependency that no longer exists.
 *   <li><b>Order</b>, from the run's order (a unit's "earlier" units are those it waited for,
 *       directly or through units that do not roll back): destroys in the head tree go dependents
 *       first (they read the head outputs of their dependencies, so they run before those change),
 *       and before any destroy of a unit they used; plans of the base tree go dependencies first, so
 *       that each sees the base outputs of its dependencies (a dependent re-planned first would
 *       still read its dependency's head version); a unit the run destroyed is re-created before
 *       the units whose base version uses it; a unit moves off a unit the change added (its base
 *       applied) before that unit is destroyed, unless the destroy must come first (the added unit
 *       reads a dependency that the moving unit's base waits for). Across accounts too.
 *   <li><b>Per unit</b>: a destroyed unit is applied again from base; a unit absent from base is
 *       destroyed with its head configuration; any other unit is applied at base, after a
 *       targeted destroy of the resources of providers the change added.
 * </ul>
 */
public final class RollbackPlanner {

  private RollbackPlanner() {}

  /**
   * The rollback of a run.
   *
   * @param header the run's header
   * @param records the run's unit records
   * @param mode all, selective or none
   * @param selected the units asked for (selective only)
   * @param facts what the trees and states say
   * @param policies who approves the rollback of a unit (the policy may name other voters for rollbacks)
   */
  public static RollbackPlan plan(RunHeader header, Map<String, UnitRecord> records, RollbackMode mode,
      Collection<String> selected, UnitFacts facts, Function<RunUnit, ApprovalPolicy> policies,
      int maxAttempts) throws RollbackException, IOException, InterruptedException {
    Map<String, RunUnit> units = new LinkedHashMap<>();
    header.units().forEach(unit -> units.put(unit.path(), unit));
    Set<String> changed = new TreeSet<>();
    for (RunUnit unit : header.units()) {
      UnitRecord record = records.get(unit.path());
      if (record != null && changed(record)) {
        changed.add(unit.path());
      }
    }
    Map<String, String> why = switch (mode) {
      case NONE -> {
        requireNoUnits(mode, selected);
        yield Map.of();
      }
      case ALL -> {
        requireNoUnits(mode, selected);
        Map<String, String> all = new TreeMap<>();
        changed.forEach(unit -> all.put(unit, "changed by the run (" + records.get(unit).status().label() + ")"));
        yield all;
      }
      case SELECTIVE -> closure(header, units, records, changed, selected);
    };
    return new RollbackPlan(header.id(), mode, mode == RollbackMode.SELECTIVE ? List.copyOf(new TreeSet<>(selected))
        : List.of(), steps(units, why, facts, policies), maxAttempts);
  }

  /**
   * The rollback that {@code all} would run if every unit of the run were applied: computed before
   * the change's gates open, so voters approve knowing the way back.
   */
  public static RollbackPlan preview(RunHeader header, UnitFacts facts, Function<RunUnit, ApprovalPolicy> policies)
      throws IOException, InterruptedException {
    Map<String, RunUnit> units = new LinkedHashMap<>();
    Map<String, String> why = new TreeMap<>();
    for (RunUnit unit : header.units()) {
      units.put(unit.path(), unit);
      why.put(unit.path(), "if the run applies it");
    }
    return new RollbackPlan(header.id(), RollbackMode.ALL, List.of(), steps(units, why, facts, policies),
        RollbackPlan.DEFAULT_MAX_ATTEMPTS);
  }

  /** Whether the run changed the unit: its apply started (and succeeded, failed or was cut short). */
  public static boolean changed(UnitRecord record) {
    return record.applies() > 0 || record.appliedHash() != null || record.applying() != null;
  }

  private static void requireNoUnits(RollbackMode mode, Collection<String> selected) throws RollbackException {
    if (!selected.isEmpty()) {
      throw new RollbackException("mode " + mode.label() + " takes no units (units are for mode selective): "
          + String.join(", ", new TreeSet<>(selected)));
    }
  }

  private static Map<String, String> closure(RunHeader header, Map<String, RunUnit> units,
      Map<String, UnitRecord> records, Set<String> changed, Collection<String> selected) throws RollbackException {
    if (selected.isEmpty()) {
      throw new RollbackException("mode selective needs the units to roll back");
    }
    Map<String, String> why = new TreeMap<>();
    Deque<String> queue = new ArrayDeque<>();
    for (String unit : new TreeSet<>(selected)) {
      if (!units.containsKey(unit)) {
        throw new RollbackException("unit " + unit + " is not a unit of run " + header.id());
      }
      if (!changed.contains(unit)) {
        UnitRecord record = records.get(unit);
        throw new RollbackException("unit " + unit + " was not changed by run " + header.id() + " ("
            + (record == null ? "no record" : record.status().label()) + "): nothing to roll back");
      }
      why.put(unit, "selected");
      queue.add(unit);
    }
    Map<String, List<String>> waiting = waitingFor(units);
    while (!queue.isEmpty()) {
      String unit = queue.poll();
      for (String dependent : waiting.getOrDefault(unit, List.of())) {
        if (changed.contains(dependent) && !why.containsKey(dependent)) {
          why.put(dependent, units.get(dependent).destroy()
              ? "rolls back with " + unit + ": the base version of " + unit + " needs it"
              : "rolls back with " + unit + ": it was applied after " + unit + ", against its new version");
          queue.add(dependent);
        }
      }
    }
    return why;
  }

  /** For every unit, the units that waited for it in the run (sorted). */
  private static Map<String, List<String>> waitingFor(Map<String, RunUnit> units) {
    Map<String, List<String>> waiting = new HashMap<>();
    for (RunUnit unit : units.values()) {
      for (String before : unit.after()) {
        waiting.computeIfAbsent(before, k -> new ArrayList<>()).add(unit.path());
      }
    }
    waiting.values().forEach(list -> list.sort(null));
    return waiting;
  }

  private static List<RollbackStep> steps(Map<String, RunUnit> units, Map<String, String> why, UnitFacts facts,
      Function<RunUnit, ApprovalPolicy> policies) throws IOException, InterruptedException {
    // what each unit's rollback does: a destroy in the head tree, then (or only) a plan of the base tree
    Map<String, RollbackStep> destroys = new TreeMap<>();
    Map<String, RollbackStep> bases = new TreeMap<>();
    for (String unit : why.keySet()) {
      RunUnit runUnit = units.get(unit);
      ApprovalPolicy policy = policies.apply(runUnit);
      if (runUnit.destroy()) {
        bases.put(unit, step(unit, unit, RollbackAction.RESTORE_DELETED, runUnit, List.of(), List.of(), policy,
            why.get(unit)));
      } else if (!facts.existsAtBase(unit)) {
        destroys.put(unit, step(unit, unit, RollbackAction.DESTROY_ADDED, runUnit, List.of(), List.of(), policy,
            why.get(unit)));
      } else {
        NewProviders added = facts.newProviders(unit);
        List<String> providers = List.copyOf(added.providers());
        if (!added.resources().isEmpty()) {
          destroys.put(unit, step(unit + RollbackStep.NEW_PROVIDERS, unit, RollbackAction.DESTROY_NEW_PROVIDERS,
              runUnit, added.resources(), providers, policy, why.get(unit)
                  + "; its base configuration cannot plan resources of " + String.join(", ", providers)));
        }
        bases.put(unit, step(unit, unit, RollbackAction.REAPPLY_BASE, runUnit, List.of(), providers, policy,
            why.get(unit)));
      }
    }
    Map<String, Set<String>> after = new TreeMap<>();
    destroys.values().forEach(step -> after.put(step.id(), new TreeSet<>()));
    bases.values().forEach(step -> after.put(step.id(), new TreeSet<>()));
    bases.forEach((unit, step) -> {
      if (destroys.containsKey(unit)) {
        after.get(step.id()).add(destroys.get(unit).id()); // a unit's targeted destroy comes before its base
      }
    });
    List<Map.Entry<String, String>> moveOff = new ArrayList<>();
    for (String earlier : why.keySet()) {
      for (String later : laterInRun(earlier, why.keySet(), units)) {
        RollbackStep laterDestroy = destroys.get(later);
        RollbackStep laterBase = bases.get(later);
        RollbackStep earlierDestroy = destroys.get(earlier);
        RollbackStep earlierBase = bases.get(earlier);
        if (units.get(later).destroy()) {
          // the run destroyed `later` after `earlier` stopped using it: `earlier`'s base needs it back first
          if (earlierBase != null) {
            after.get(earlierBase.id()).add(laterBase.id());
          }
          continue;
        }
        // `later` was applied against `earlier`'s head version
        if (laterDestroy != null) {
          // its head configuration reads `earlier`'s head outputs: destroy before `earlier` changes
          if (earlierDestroy != null) {
            after.get(earlierDestroy.id()).add(laterDestroy.id());
          }
          if (earlierBase != null) {
            after.get(earlierBase.id()).add(laterDestroy.id());
          }
        }
        if (laterBase != null && earlierBase != null) {
          // its base reads `earlier`'s base outputs: plan it once `earlier` is back at base
          after.get(laterBase.id()).add(earlierBase.id());
        }
        if (laterBase != null && earlierDestroy != null
            && earlierDestroy.action() == RollbackAction.DESTROY_ADDED) {
          moveOff.add(Map.entry(laterBase.id(), earlierDestroy.id()));
        }
      }
    }
    // its base does not use the added unit: move off it before it is destroyed, unless the rules
    // above already need the destroy first (the added unit read a dependency the user goes back to base)
    for (Map.Entry<String, String> edge : moveOff) {
      if (!waitsFor(edge.getKey(), edge.getValue(), after)) {
        after.get(edge.getValue()).add(edge.getKey());
      }
    }
    List<RollbackStep> steps = new ArrayList<>();
    for (RollbackStep step : destroys.values()) {
      steps.add(withAfter(step, after.get(step.id())));
    }
    for (RollbackStep step : bases.values()) {
      steps.add(withAfter(step, after.get(step.id())));
    }
    return order(steps);
  }

  /**
   * The rolled-back units that waited for {@code unit} in the run, directly or through units that
   * do not roll back.
   */
  private static Set<String> laterInRun(String unit, Set<String> rolledBack, Map<String, RunUnit> units) {
    Map<String, List<String>> waiting = waitingFor(units);
    Set<String> found = new TreeSet<>();
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(waiting.getOrDefault(unit, List.of()));
    while (!queue.isEmpty()) {
      String next = queue.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (rolledBack.contains(next)) {
        found.add(next);
      } else {
        queue.addAll(waiting.getOrDefault(next, List.of()));
      }
    }
    return found;
  }

  /** Whether step {@code id} waits, directly or not, for step {@code before}. */
  private static boolean waitsFor(String id, String before, Map<String, Set<String>> after) {
    Deque<String> queue = new ArrayDeque<>(after.get(id));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      String next = queue.poll();
      if (next.equals(before)) {
        return true;
      }
      if (seen.add(next)) {
        queue.addAll(after.get(next));
      }
    }
    return false;
  }

  private static RollbackStep withAfter(RollbackStep step, Set<String> after) {
    return new RollbackStep(step.id(), step.unit(), step.action(), step.account(), step.targets(), step.providers(),
        List.copyOf(after), step.policy(), step.why());
  }

  private static RollbackStep step(String id, String unit, RollbackAction action, RunUnit runUnit,
      List<String> targets, List<String> providers, ApprovalPolicy policy, String why) {
    return new RollbackStep(id, unit, action, runUnit.account(), targets, providers, List.of(), policy, why);
  }

  /** Every step after the steps it waits for; among ready steps, by id. */
  private static List<RollbackStep> order(List<RollbackStep> steps) {
    Map<String, RollbackStep> byId = new TreeMap<>();
    steps.forEach(step -> byId.put(step.id(), step));
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> next = new HashMap<>();
    TreeSet<String> ready = new TreeSet<>();
    for (RollbackStep step : byId.values()) {
      pending.put(step.id(), step.after().size());
      step.after().forEach(before -> next.computeIfAbsent(before, k -> new ArrayList<>()).add(step.id()));
      if (step.after().isEmpty()) {
        ready.add(step.id());
      }
    }
    List<RollbackStep> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      String id = ready.pollFirst();
      ordered.add(byId.get(id));
      for (String waiting : next.getOrDefault(id, List.of())) {
        if (pending.merge(waiting, -1, Integer::sum) == 0) {
          ready.add(waiting);
        }
      }
    }
    if (ordered.size() != byId.size()) {
      // the run's after relation is acyclic, so its reverse is too
      throw new IllegalStateException("rollback steps form a cycle");
    }
    return ordered;
  }
}
