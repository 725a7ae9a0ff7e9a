package io.tglive.config;

import io.tglive.hcl.SourceRange;

/**
 * An expression cannot be evaluated. Thrown inside the evaluator and turned into a {@link
 * ConfigException} (or an {@link UnresolvedEdge}) at its boundary; {@code try} and {@code can}
 * recover from it when {@link #recoverable()}.
 */
final class EvaluationError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient SourceRange range;
  private final String detail;
  private final boolean recoverable;
  private final boolean positioned;
  private final boolean budget;

  /** An error whose position the evaluator adds. */
  EvaluationError(String detail) {
    this(null, detail, true, false);
  }

  EvaluationError(SourceRange range, String detail) {
    this(range, detail, true, range != null);
  }

  private EvaluationError(SourceRange range, String detail, boolean recoverable, boolean positioned) {
    this(range, detail, recoverable, positioned, false);
  }

  private EvaluationError(
      SourceRange range, String detail, boolean recoverable, boolean positioned, boolean budget) {
    super(range == null ? detail : range.describe() + ": " + detail, null, false, false);
    this.range = range;
    this.detail = detail;
    this.recoverable = recoverable;
    this.positioned = positioned;
    this.budget = budget;
  }

  /** An {@link EvaluationBudget} cap was exceeded: not recoverable by {@code try}/{@code can}. */
  static EvaluationError budget(String detail) {
    return new EvaluationError(null, detail, false, false, true);
  }

  /** Whether this error reports an exceeded {@link EvaluationBudget} cap. */
  boolean isBudget() {
    return budget;
  }

  /** An error that {@code try} and {@code can} must not hide, such as a cycle or an I/O failure. */
  static EvaluationError fatal(SourceRange range, String detail) {
    return new EvaluationError(range, detail, false, range != null);
  }

  /**
   * An error whose message already names its position, such as a syntax error in another file:
   * bad input for the whole repository, which {@code try} and {@code can} do not hide either.
   */
  static EvaluationError positioned(String message) {
    return new EvaluationError(null, message, false, true);
  }

  SourceRange range() {
    return range;
  }

  /** The message without the position. */
  String detail() {
    return detail;
  }

  boolean recoverable() {
    return recoverable;
  }

  /** This error positioned at {@code where} unless it already has a position. */
  EvaluationError at(SourceRange where) {
    return positioned || where == null ? this : new EvaluationError(where, detail, recoverable, true, budget);
  }
}
