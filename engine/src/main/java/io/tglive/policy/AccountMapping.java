package io.tglive.policy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accounts of a repository, and which account owns a unit. */
public record AccountMapping(List<Account> accounts) implements Serializable {

  /** A mapping with no accounts. */
  public static final AccountMapping EMPTY = new AccountMapping(List.of());

  public AccountMapping {
    accounts = List.copyOf(accounts);
  }

  /** The account whose path is the longest segment-wise prefix of {@code unitPath}. */
  public Optional<Account> accountFor(String unitPath) {
    List<String> unit = RepoPaths.segments(RepoPaths.normalize(unitPath));
    return accounts.stream()
        .filter(a -> RepoPaths.isPrefix(RepoPaths.segments(a.path()), unit))
        .max(Comparator.comparingInt(a -> RepoPaths.segments(a.path()).size()));
  }

  /** The account with this name. */
  public Optional<Account> named(String name) {
    return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Every problem in this mapping; empty when it is valid. */
  public List<AccountProblem> problems() {
    return AccountRules.check(accounts);
  }

  /**
   * The accounts with every account after all its dependencies, otherwise in declaration order.
   *
   * @throws IllegalStateException if the mapping has problems (unknown or cyclic dependencies)
   */
  public List<Account> dependencyOrder() {
    List<AccountProblem> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid account mapping: " + problems.get(0).message());
    }
    Map<String, Account> remaining = new LinkedHashMap<>();
    accounts.forEach(a -> remaining.put(a.name(), a));
    List<Account> ordered = new ArrayList<>();
    while (!remaining.isEmpty()) {
      Account ready = remaining.values().stream()
          .filter(a -> a.dependencies().stream().noneMatch(remaining::containsKey))
          .findFirst()
          .orElseThrow();
      ordered.add(ready);
      remaining.remove(ready.name());
    }
    return List.copyOf(ordered);
  }
}
