package io.tglive.stack;

import io.tglive.change.DiffMode;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A computed stack and what the computation found along the way.
 *
 * @param base full sha of the commit the diff starts from (the merge base under {@link DiffMode#MERGE_BASE});
 *     destroyed units are evaluated in its tree
 * @param head full sha of the head commit
 * @param diff the diff mode used
 * @param stack the units to deploy, in order
 * @param unmapped changed files no unit owns or reads
 * @param ignored changed files dropped by the {@code ignore} globs
 * @param excluded units the change selects whose {@code exclude} block keeps them out of plan and
 *     apply at head: not deployed (their dependents still are)
 * @param unresolved dependency paths that could not be evaluated, in either tree: the stack may miss units
 * @param warnings non-fatal findings such as unsupported functions, one line each
 */
public record StackResult(
    String base,
    String head,
    DiffMode diff,
    DeployStack stack,
    SortedSet<String> unmapped,
    SortedSet<String> ignored,
    SortedSet<String> excluded,
    List<Unresolved> unresolved,
    List<String> warnings) {

  public StackResult {
    unmapped = Collections.unmodifiableSortedSet(new TreeSet<>(unmapped));
    ignored = Collections.unmodifiableSortedSet(new TreeSet<>(ignored));
    excluded = Collections.unmodifiableSortedSet(new TreeSet<>(excluded));
    unresolved = List.copyOf(unresolved);
    warnings = List.copyOf(warnings);
  }

  /**
   * A dependency path of a unit that evaluated to an unknown value.
   *
   * @param unit repository-relative unit directory
   * @param file repository-relative file declaring it
   * @param line 1-based line
   * @param expression the expression's source text
   * @param tree {@code base} or {@code head}
   */
  public record Unresolved(String unit, String file, int line, String expression, String tree) {}

  /** True when every dependency path resolved, so the stack is known to be complete. */
  public boolean complete() {
    return unresolved.isEmpty();
  }
}
