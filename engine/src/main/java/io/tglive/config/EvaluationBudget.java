package io.tglive.config;

/**
 * Caps on what one expression may build, so hostile configurations end with a clear message instead
 * of exhausting memory: string length, collection size and format widths (docs/hcl-parser.md).
 * Exceeding a cap is a {@link EvaluationError#budget budget error}: {@code try} and {@code can}
 * do not hide it, and a function that exceeds it yields an unknown value with a diagnostic.
 */
final class EvaluationBudget {

  /** The longest string (in UTF-16 characters) any expression may produce: 8 Mi. */
  static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;

  /** The most elements or attributes any list, set or map may have: 1 Mi. */
  static final int MAX_COLLECTION_SIZE = 1024 * 1024;

  /** The most elements all collections built while evaluating one file may hold together. */
  static final long MAX_TOTAL_ELEMENTS = 4L * 1024 * 1024;

  /** The most characters all strings built while evaluating one file may hold together. */
  static final long MAX_TOTAL_CHARS = 64L * 1024 * 1024;

  /** The largest width, precision or argument index in a format string. */
  static final int MAX_FORMAT_WIDTH = 100_000;

  private EvaluationBudget() {}

  /** Fails when a string of this length would exceed the budget. */
  static void checkString(long length) {
    if (length > MAX_STRING_LENGTH) {
      throw EvaluationError.budget(exceeded("a string of " + length + " characters", "at most " + MAX_STRING_LENGTH));
    }
  }

  /** Fails when a collection of this size would exceed the budget. */
  static void checkCollection(long size) {
    if (size > MAX_COLLECTION_SIZE) {
      throw EvaluationError.budget(exceeded("a collection of " + size + " elements", "at most " + MAX_COLLECTION_SIZE));
    }
  }

  /** Fails when what one file's evaluation has built in total exceeds the cumulative budget. */
  static void checkCumulative(long elements, long chars) {
    if (elements > MAX_TOTAL_ELEMENTS) {
      throw EvaluationError.budget(exceeded("more than " + MAX_TOTAL_ELEMENTS + " collection elements built in one file", "in total"));
    }
    if (chars > MAX_TOTAL_CHARS) {
      throw EvaluationError.budget(exceeded("more than " + MAX_TOTAL_CHARS + " characters built in one file", "in total"));
    }
  }

  /** The message for an exceeded budget. */
  static String exceeded(String what, String limit) {
    return "evaluation budget exceeded: " + what + " (" + limit + ")";
  }

  /** Fails when this value, just produced, is a string or collection over the budget. */
  static Value check(Value v) {
    if (v instanceof Value.StringValue s) {
      checkString(s.value().length());
    } else if (v instanceof Value.ListValue l) {
      checkCollection(l.elements().size());
    } else if (v instanceof Value.SetValue s) {
      checkCollection(s.elements().size());
    } else if (v instanceof Value.ObjectValue o) {
      checkCollection(o.attributes().size());
    }
    return v;
  }
}
