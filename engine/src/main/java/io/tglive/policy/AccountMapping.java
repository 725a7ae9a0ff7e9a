package io.tglive.policy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts of a repository, and which account owns a unit. Every mapping is valid: the
 * constructor checks the {@link AccountRules}, whatever the source (a settings file, a Jenkins
 * form, configuration as code, a deserialized build), so an invalid mapping is never used.
 */
public record AccountMapping(List<Account> accounts) implements Serializable {

  /** A mapping with no accounts. */
  public static final AccountMapping EMPTY = new AccountMapping(List.of());

  /**
   * @throws InvalidAccountsException if the accounts break a rule (negative counts, more approvals
   *     than voters, unknown or cyclic dependencies, duplicate names or paths…)
   */
  public AccountMapping {
    accounts = List.copyOf(accounts);
    List<AccountProblem> problems = AccountRules.check(accounts);
    if (!problems.isEmpty()) {
      throw new InvalidAccountsException(problems);
    }
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

  /** The accounts with every account after all its dependencies, otherwise in declaration order. */
  public List<Account> dependencyOrder() {
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
