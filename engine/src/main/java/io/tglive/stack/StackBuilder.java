package io.tglive.stack;

import io.tglive.change.Selection;
import io.tglive.config.Location;
import io.tglive.graph.UnitGraph;
import io.tglive.policy.Account;
import io.tglive.policy.AccountMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders a selection into a {@link DeployStack}. Applies follow the head graph, dependencies first.
 * A unit (apply or destroy) of an account that depends on other accounts (transitively) also waits
 * for every apply of those accounts. A destroy never runs concurrently with the apply of a unit it
 * was connected to (a deleted unit has no edges at head: one still referenced there is an error):
 * it waits for the units that depended on it at base, their destroys (reverse dependency order on
 * the base graph) and their applies (they no longer need it); and the apply of a unit it depended
 * on at base waits for it (it is removed while what it used is unchanged).
 */
public final class StackBuilder {

  private StackBuilder() {}

  /** The stack of a selection; fails if a deleted unit is still a dependency at head or the order has a cycle. */
  public static DeployStack build(Selection selection, UnitGraph base, UnitGraph head, AccountMapping accounts)
      throws StackException {
    return build(selection, base, head, accounts, Set.of());
  }

  /**
   * Like {@link #build(Selection, UnitGraph, UnitGraph, AccountMapping)}, where the {@code
   * excluded} units (pulled into the stack, then kept out by their {@code exclude} blocks) pass
   * waits on: an apply waits for the applies it depends on through excluded units, so a dependent of
   * an excluded unit never runs before the change that pulled it in.
   */
  public static DeployStack build(
      Selection selection, UnitGraph base, UnitGraph head, AccountMapping accounts, Set<String> excluded)
      throws StackException {
    failOnDeletedInUse(base, head);
    Set<String> applies = selection.applies().keySet();
    Set<String> destroys = selection.destroys().keySet();
    Set<String> members = new TreeSet<>(applies);
    members.addAll(destroys);

    Map<String, Optional<Account>> accountOf = new HashMap<>();
    Map<String, List<String>> appliesByAccount = new HashMap<>();
    for (String unit : members) {
      Optional<Account> account = accounts.accountFor(unit);
      accountOf.put(unit, account);
      if (applies.contains(unit) && account.isPresent()) {
        appliesByAccount.computeIfAbsent(account.get().name(), k -> new ArrayList<>()).add(unit);
      }
    }

    Map<String, SortedSet<String>> after = new TreeMap<>();
    for (String unit : members) {
      SortedSet<String> waits = applies.contains(unit)
          ? within(dependenciesThrough(head, unit, excluded), applies)
          : within(base.dependents(unit), members);
      if (applies.contains(unit) && base.contains(unit)) {
        waits.addAll(within(base.dependents(unit), destroys));
      }
      accountOf.get(unit).ifPresent(account -> {
        for (String dependency : accountDependencies(accounts, account)) {
          waits.addAll(appliesByAccount.getOrDefault(dependency, List.of()));
        }
      });
      after.put(unit, waits);
    }

    List<List<String>> order = levels(after, applies, head, accountOf);
    Map<String, SortedSet<String>> successors = new HashMap<>();
    after.forEach((unit, waits) -> waits.forEach(w -> successors.computeIfAbsent(w, k -> new TreeSet<>()).add(unit)));
    Map<String, Integer> criticalPath = new HashMap<>();
    for (int level = order.size() - 1; level >= 0; level--) {
      for (String unit : order.get(level)) {
        int longest = 0;
        for (String successor : successors.getOrDefault(unit, Collections.emptySortedSet())) {
          longest = Math.max(longest, 1 + criticalPath.get(successor));
        }
        criticalPath.put(unit, longest);
      }
    }

    SortedMap<String, StackUnit> units = new TreeMap<>();
    for (int level = 0; level < order.size(); level++) {
      for (String unit : order.get(level)) {
        boolean apply = applies.contains(unit);
        UnitGraph graph = apply ? head : base;
        Optional<Account> account = accountOf.get(unit);
        units.put(unit, new StackUnit(
            unit,
            apply ? StackAction.APPLY : StackAction.DESTROY,
            apply ? selection.applies().get(unit) : selection.destroys().get(unit),
            account.map(Account::name).orElse(null),
            account.map(ApprovalPolicy::of).orElse(ApprovalPolicy.NONE),
            within(graph.dependencies(unit), members),
            within(graph.dependents(unit), members),
            after.get(unit),
            level,
            criticalPath.get(unit)));
      }
    }
    return new DeployStack(units, order);
  }

  /** The direct dependencies of {@code unit}, with those of excluded ones in place of them, transitively. */
  private static Set<String> dependenciesThrough(UnitGraph head, String unit, Set<String> excluded) {
    Set<String> result = new TreeSet<>();
    Set<String> seen = new java.util.HashSet<>();
    Deque<String> pending = new ArrayDeque<>(head.dependencies(unit));
    while (!pending.isEmpty()) {
      String dependency = pending.pop();
      if (!seen.add(dependency)) {
        continue;
      }
      result.add(dependency);
      if (excluded.contains(dependency)) {
        pending.addAll(head.dependencies(dependency));
      }
    }
    return result;
  }

  /** Every unit at head that still depends on a unit only the base has is an error naming both. */
  private static void failOnDeletedInUse(UnitGraph base, UnitGraph head) throws StackException {
    List<String> problems = new ArrayList<>();
    head.missing().forEach((target, referrers) -> {
      if (base.contains(target)) {
        for (String referrer : referrers) {
          Location where = head.unit(referrer).dependencies().get(target);
          problems.add("deleted unit " + target + " is still a dependency of " + referrer
              + (where == null ? "" : " (" + where + ")"));
        }
      }
    });
    if (!problems.isEmpty()) {
      throw new StackException(String.join("\n", problems));
    }
  }

  /** Names of the accounts an account depends on, directly or not. */
  private static Set<String> accountDependencies(AccountMapping accounts, Account account) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(account.dependencies());
    while (!queue.isEmpty()) {
      String name = queue.poll();
      if (seen.add(name)) {
        accounts.named(name).ifPresent(dependency -> queue.addAll(dependency.dependencies()));
      }
    }
    seen.remove(account.name());
    return seen;
  }

  private static SortedSet<String> within(Set<String> units, Set<String> members) {
    SortedSet<String> result = new TreeSet<>(units);
    result.retainAll(members);
    return result;
  }

  /** Kahn levels over the {@code after} relation, ties by path; a cycle is an error that explains each edge. */
  private static List<List<String>> levels(
      Map<String, SortedSet<String>> after,
      Set<String> applies,
      UnitGraph head,
      Map<String, Optional<Account>> accountOf) throws StackException {
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> successors = new HashMap<>();
    List<String> ready = new ArrayList<>();
    after.forEach((unit, waits) -> {
      pending.put(unit, waits.size());
      waits.forEach(w -> successors.computeIfAbsent(w, k -> new ArrayList<>()).add(unit));
      if (waits.isEmpty()) {
        ready.add(unit);
      }
    });
    List<List<String>> levels = new ArrayList<>();
    int placed = 0;
    List<String> current = ready;
    while (!current.isEmpty()) {
      Collections.sort(current);
      levels.add(List.copyOf(current));
      placed += current.size();
      List<String> next = new ArrayList<>();
      for (String done : current) {
        for (String waiting : successors.getOrDefault(done, List.of())) {
          if (pending.merge(waiting, -1, Integer::sum) == 0) {
            next.add(waiting);
          }
        }
      }
      current = next;
    }
    if (placed < after.size()) {
      throw new StackException(cycleMessage(after, pending, applies, head, accountOf));
    }
    return levels;
  }

  private static String cycleMessage(
      Map<String, SortedSet<String>> after,
      Map<String, Integer> pending,
      Set<String> applies,
      UnitGraph head,
      Map<String, Optional<Account>> accountOf) {
    List<String> path = new ArrayList<>();
    String unit = new TreeSet<>(pending.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList())
        .first();
    while (!path.contains(unit)) {
      path.add(unit);
      unit = after.get(unit).stream().filter(w -> pending.get(w) > 0).findFirst().orElseThrow();
    }
    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(unit), path.size()));
    cycle.add(unit);
    StringBuilder message = new StringBuilder("the stack cannot be ordered: ").append(String.join(" waits for ", cycle));
    for (int i = 0; i + 1 < cycle.size(); i++) {
      String waiting = cycle.get(i);
      String awaited = cycle.get(i + 1);
      message.append("\n  ").append(waiting).append(" waits for ").append(awaited).append(": ");
      if (!applies.contains(waiting)) {
        message.append(awaited).append(" depended on it at base");
      } else if (!applies.contains(awaited)) {
        message.append("deleted ").append(awaited).append(" depended on it at base and is destroyed before it changes");
      } else if (head.dependencies(waiting).contains(awaited)) {
        message.append("it depends on it");
      } else {
        message.append("account ").append(accountOf.get(waiting).map(Account::name).orElse("?"))
            .append(" depends on account ").append(accountOf.get(awaited).map(Account::name).orElse("?"));
      }
    }
    if (cycle.stream().anyMatch(u -> !applies.contains(u))) {
      message.append("\n  a deleted unit cannot be destroyed both before and after these applies:"
          + " split the change (first move its dependents off it, then delete it)");
    }
    return message.toString();
  }
}
