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
 * @param excluded units the change selects that a run excludes at head (their {@code exclude} block
 *     covers plan or apply, or a dependent's sets {@code exclude_dependencies}): not deployed; their
 *     dependents still are, after what the excluded units depend on
 * @param unresolved dependency paths that could not be evaluated, and units that could not be
 *     evaluated, in either tree: the stack may miss units
 * @param warnings non-fatal findings such as unsupported functions, one line each
 * @param missing dependencies at head whose target directory has no unit, each written {@code
 *     <unit> -> <target>}: the stack may miss what they stand for
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
    List<String> warnings,
    SortedSet<String> missing) {

  public StackResult {
    unmapped = Collections.unmodifiableSortedSet(new TreeSet<>(unmapped));
    ignored = Collections.unmodifiableSortedSet(new TreeSet<>(ignored));
    excluded = Collections.unmodifiableSortedSet(new TreeSet<>(excluded));
    unresolved = List.copyOf(unresolved);
    warnings = List.copyOf(warnings);
    missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
  }

  /** A result without missing dependency targets. */
  public StackResult(
      String base,
      String head,
      DiffMode diff,
      DeployStack stack,
      SortedSet<String> unmapped,
      SortedSet<String> ignored,
      SortedSet<String> excluded,
      List<Unresolved> unresolved,
      List<String> warnings) {
    this(base, head, diff, stack, unmapped, ignored, excluded, unresolved, warnings, new TreeSet<>());
  }

  /**
   * A dependency path of a unit that evaluated to an unknown value.
   *
   * @param unit repository-relative unit directory
   * @param file repository-relative file declaring it
   * @param line 1-based line
   * @param expression the expression's source text
   * @param tree {@code base} or {@code head}
   * @param reason why it could not be evaluated; empty when not known
   */
  public record Unresolved(String unit, String file, int line, String expression, String tree, String reason) {

    /** An unresolved path without a reason. */
    public Unresolved(String unit, String file, int line, String expression, String tree) {
      this(unit, file, line, expression, tree, "");
    }

    /** One line: {@code file:line (tree): what could not be evaluated: why}. */
    @Override
    public String toString() {
      String what = expression.isEmpty() ? "" : "unresolved dependency path " + expression;
      String why = reason.isEmpty() ? "" : reason;
      return file + ":" + line + " (" + tree + "): " + what + (what.isEmpty() || why.isEmpty() ? "" : ": ") + why;
    }
  }

  /**
   * True when the stack is known to hold every unit the change affects: every dependency path and
   * every unit resolved, every dependency target exists and every changed file (not ignored)
   * selected a unit. Otherwise the front ends report {@link #incompleteness()} and exit 1 or warn.
   */
  public boolean complete() {
    return unresolved.isEmpty() && unmapped.isEmpty() && missing.isEmpty();
  }

  /** Why the stack may be incomplete, one line each; empty when {@link #complete()}. */
  public List<String> incompleteness() {
    List<String> lines = new java.util.ArrayList<>();
    unresolved.forEach(edge -> lines.add(edge.toString()));
    missing.forEach(edge -> lines.add("missing dependency " + edge + ": no unit at the target"));
    unmapped.forEach(file -> lines.add(
        "changed file " + file + " selects no unit (add a glob to ignore in .tglive.yaml if it needs no deploy)"));
    return List.copyOf(lines);
  }
}
