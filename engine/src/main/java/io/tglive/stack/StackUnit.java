package io.tglive.stack;

import io.tglive.change.Reason;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One unit of a deploy stack.
 *
 * @param path repository-relative unit directory
 * @param action apply (head tree) or destroy (base tree)
 * @param reasons why the unit is in the stack, sorted
 * @param account the name of the account owning the unit, or null when no account's path covers it
 * @param policy the approval policy of its account; {@link ApprovalPolicy#NONE} without an account
 * @param dependencies units of the stack it depends on directly (head graph for an apply, base graph
 *     for a destroy)
 * @param dependents units of the stack that depend on it directly (same graph)
 * @param after every unit of the stack that must finish before it starts: its dependencies for an
 *     apply plus the units of accounts its account depends on; for a destroy, the units that
 *     depended on it at base
 * @param wave its level in {@link DeployStack#order()}, from 0
 * @param criticalPath units on the longest chain of units waiting for it, itself excluded: run the
 *     highest first when there are more ready units than runners
 */
public record StackUnit(
    String path,
    StackAction action,
    SortedSet<Reason> reasons,
    String account,
    ApprovalPolicy policy,
    SortedSet<String> dependencies,
    SortedSet<String> dependents,
    SortedSet<String> after,
    int wave,
    int criticalPath) {

  public StackUnit {
    reasons = Collections.unmodifiableSortedSet(new TreeSet<>(reasons));
    dependencies = Collections.unmodifiableSortedSet(new TreeSet<>(dependencies));
    dependents = Collections.unmodifiableSortedSet(new TreeSet<>(dependents));
    after = Collections.unmodifiableSortedSet(new TreeSet<>(after));
  }
}
