package io.tglive.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules an account mapping must follow. Field checks return a message without the account name
 * (for a form field); {@link #check(List)} names the account in every message.
 */
public final class AccountRules {

  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private AccountRules() {}

  /** Checks an account name. */
  public static Optional<String> checkName(String name) {
    return name == null || name.isBlank() ? Optional.of("name is empty") : Optional.empty();
  }

  /** Checks that a path stays inside the repository. */
  public static Optional<String> checkPath(String path) {
    String raw = path == null ? "" : path.strip();
    if (raw.contains("\\") || DRIVE.matcher(raw).matches()) {
      return Optional.of("path '" + raw + "' must be '/' separated and relative to the repository root");
    }
    if (raw.startsWith("/")) {
      return Optional.of("path '" + raw + "' is absolute; it must be relative to the repository root");
    }
    if (RepoPaths.segments(raw).contains("..")) {
      return Optional.of("path '" + raw + "' escapes the repository with a '..' segment");
    }
    return Optional.empty();
  }

  /** Checks the voter list: no blank entries, no duplicates, no unnamed group. */
  public static Optional<String> checkVoters(List<String> voters) {
    Set<String> seen = new HashSet<>();
    for (String voter : voters) {
      String v = voter == null ? "" : voter.strip();
      if (v.isEmpty()) {
        return Optional.of("voters contains an empty entry");
      }
      if (v.equals(Account.GROUP_PREFIX)) {
        return Optional.of("voter '" + v + "' has no group name");
      }
      if (!seen.add(v)) {
        return Optional.of("voter '" + v + "' is listed twice");
      }
    }
    return Optional.empty();
  }

  /** Checks approvalsRequired against the voters who could give them. */
  public static Optional<String> checkApprovalsRequired(int approvals, List<String> voters) {
    if (approvals < 0) {
      return Optional.of("approvalsRequired must be 0 (no gate) or more, not " + approvals);
    }
    return checkReachable("approvalsRequired", approvals, voters);
  }

  /** Checks rejectionsRequired against the voters who could give them; without a gate nobody votes. */
  public static Optional<String> checkRejectionsRequired(int rejections, int approvals, List<String> voters) {
    if (rejections < 1) {
      return Optional.of("rejectionsRequired must be at least 1, not " + rejections);
    }
    return approvals > 0 ? checkReachable("rejectionsRequired", rejections, voters) : Optional.empty();
  }

  private static Optional<String> checkReachable(String field, int count, List<String> voters) {
    boolean unbounded = voters.stream().anyMatch(v -> v != null && Account.isGroup(v.strip()));
    if (unbounded || count <= voters.size()) {
      return Optional.empty();
    }
    String listed = switch (voters.size()) {
      case 0 -> "no voters are";
      case 1 -> "only 1 voter is";
      default -> "only " + voters.size() + " voters are";
    };
    return Optional.of(field + " is " + count + " but " + listed + " listed");
  }

  /**
   * Checks the finer gate rules: a destroy or provider addition can only need more approvals than
   * other plans (and no more than the voters could give), and the timeout is a positive ISO-8601 duration.
   */
  public static List<String> checkGateRules(GateRules rules, int approvals, List<String> voters) {
    List<String> problems = new ArrayList<>();
    stricter("destroyApprovalsRequired", rules.destroyApprovalsRequired(), approvals, voters).ifPresent(problems::add);
    stricter("newProviderApprovalsRequired", rules.newProviderApprovalsRequired(), approvals, voters)
        .ifPresent(problems::add);
    if (rules.timeout() != null && GateRules.parseTimeout(rules.timeout()).isEmpty()) {
      problems.add("gateTimeout '" + rules.timeout() + "' must be a positive ISO-8601 duration such as PT4H or P1D");
    }
    problems.addAll(checkRollbackRules(rules, approvals, voters));
    return problems;
  }

  /**
   * Checks who approves rollbacks: the rollback voters are a valid list, and the counts a rollback
   * step needs (each value not set being the account's) are ones its voters could give.
   */
  public static List<String> checkRollbackRules(GateRules rules, int approvals, List<String> voters) {
    RollbackRules rollback = rules.rollback();
    List<String> problems = new ArrayList<>();
    List<String> rollbackVoters = rollback.voters() == null ? voters : rollback.voters();
    if (rollback.voters() != null) {
      checkVoters(rollback.voters()).map(p -> "rollback" + p.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
          + p.substring(1)).ifPresent(problems::add);
    }
    int rollbackApprovals = rollback.approvalsRequired() == null ? approvals : rollback.approvalsRequired();
    if (rollback.approvalsRequired() != null && rollbackApprovals < 0) {
      problems.add("rollbackApprovalsRequired must be 0 (no gate) or more, not " + rollbackApprovals);
    } else if (rollback.voters() != null || rollback.approvalsRequired() != null) {
      if (rollback.approvalsRequired() == null) {
        reachableBy("approvalsRequired", rollbackApprovals, rollbackVoters).ifPresent(problems::add);
      } else {
        checkReachable("rollbackApprovalsRequired", rollbackApprovals, rollbackVoters).ifPresent(problems::add);
      }
    }
    if (rollback.rejectionsRequired() != null && rollback.rejectionsRequired() < 1) {
      problems.add("rollbackRejectionsRequired must be at least 1, not " + rollback.rejectionsRequired());
    } else if (rollback.rejectionsRequired() != null && rollbackApprovals > 0) {
      checkReachable("rollbackRejectionsRequired", rollback.rejectionsRequired(), rollbackVoters)
          .ifPresent(problems::add);
    }
    if (rollback.voters() != null && rollback.approvalsRequired() == null) {
      // the account's stricter counts still apply to rollback steps: its rollback voters must be able to give them
      reachableBy("destroyApprovalsRequired", rules.destroyApprovalsRequired(), rollbackVoters).ifPresent(problems::add);
      reachableBy("newProviderApprovalsRequired", rules.newProviderApprovalsRequired(), rollbackVoters)
          .ifPresent(problems::add);
    }
    return problems;
  }

  /** An account count that rollback steps need too, checked against the rollback voters. */
  private static Optional<String> reachableBy(String field, Integer count, List<String> rollbackVoters) {
    return count == null ? Optional.empty() : checkReachable(field, count, rollbackVoters)
        .map(p -> p.replace(" listed", " listed in rollbackVoters (set rollbackApprovalsRequired)"));
  }

  private static Optional<String> stricter(String field, Integer count, int approvals, List<String> voters) {
    if (count == null) {
      return Optional.empty();
    }
    if (count < approvals) {
      return Optional.of(field + " is " + count + " but approvalsRequired is " + approvals
          + ": it can only make the gate stricter");
    }
    return checkReachable(field, count, voters);
  }

  /** Every problem of a mapping, in account order, each naming its account. */
  public static List<AccountProblem> check(List<Account> accounts) {
    List<AccountProblem> problems = new ArrayList<>();
    Map<String, Integer> byName = new HashMap<>();
    Map<String, Integer> byPath = new HashMap<>();
    for (int i = 0; i < accounts.size(); i++) {
      Account account = accounts.get(i);
      String label = label(account, i);
      int index = i;
      List<String> fieldProblems = new ArrayList<>();
      checkName(account.name()).ifPresent(fieldProblems::add);
      checkPath(account.path()).ifPresent(fieldProblems::add);
      checkVoters(account.voters()).ifPresent(fieldProblems::add);
      checkApprovalsRequired(account.approvalsRequired(), account.voters()).ifPresent(fieldProblems::add);
      checkRejectionsRequired(account.rejectionsRequired(), account.approvalsRequired(), account.voters()).ifPresent(fieldProblems::add);
      RunnerRules.check(account.runner()).forEach(p -> fieldProblems.add(p.message()));
      fieldProblems.addAll(checkGateRules(account.gate(), account.approvalsRequired(), account.voters()));
      fieldProblems.forEach(p -> problems.add(new AccountProblem(index, label + ": " + p)));

      if (!account.name().isEmpty()) {
        Integer first = byName.putIfAbsent(account.name(), i);
        if (first != null) {
          problems.add(new AccountProblem(i, label + ": name is already used by account #" + (first + 1)));
        }
      }
      Integer samePath = byPath.putIfAbsent(account.path(), i);
      if (samePath != null) {
        problems.add(new AccountProblem(i, label + ": path '" + account.path() + "' is already used by "
            + label(accounts.get(samePath), samePath)));
      }
    }
    for (int i = 0; i < accounts.size(); i++) {
      for (String dependency : accounts.get(i).dependencies()) {
        if (!byName.containsKey(dependency)) {
          problems.add(new AccountProblem(i, label(accounts.get(i), i) + ": depends on unknown account '"
              + dependency + "'"));
        }
      }
    }
    for (List<Integer> cycle : cycles(accounts, byName)) {
      List<String> names = new ArrayList<>(cycle.stream().map(j -> accounts.get(j).name()).toList());
      names.add(names.get(0));
      int first = cycle.get(0);
      problems.add(new AccountProblem(first, label(accounts.get(first), first)
          + ": cyclic account dependencies: " + String.join(" -> ", names)));
    }
    return problems;
  }

  /** How messages name an account: by name, or by position when it has none. */
  static String label(Account account, int index) {
    return account.name().isEmpty() ? "account #" + (index + 1) : "account '" + account.name() + "'";
  }

  /** Each elementary dependency cycle found by depth-first search, once, starting at its lowest index. */
  private static List<List<Integer>> cycles(List<Account> accounts, Map<String, Integer> byName) {
    Set<List<Integer>> found = new LinkedHashSet<>();
    int[] state = new int[accounts.size()]; // 0 unvisited, 1 on stack, 2 done
    List<Integer> stack = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      visit(i, accounts, byName, state, stack, found);
    }
    return List.copyOf(found);
  }

  private static void visit(int i, List<Account> accounts, Map<String, Integer> byName, int[] state,
      List<Integer> stack, Set<List<Integer>> found) {
    if (state[i] == 2) {
      return;
    }
    state[i] = 1;
    stack.add(i);
    for (String dependency : accounts.get(i).dependencies()) {
      Integer next = byName.get(dependency);
      if (next == null) {
        continue;
      }
      if (state[next] == 1) {
        found.add(rotateToLowest(stack.subList(stack.indexOf(next), stack.size())));
      } else {
        visit(next, accounts, byName, state, stack, found);
      }
    }
    stack.remove(stack.size() - 1);
    state[i] = 2;
  }

  private static List<Integer> rotateToLowest(List<Integer> cycle) {
    int start = cycle.indexOf(cycle.stream().min(Integer::compare).orElseThrow());
    List<Integer> rotated = new ArrayList<>(cycle.subList(start, cycle.size()));
    rotated.addAll(cycle.subList(0, start));
    return List.copyOf(rotated);
  }
}
