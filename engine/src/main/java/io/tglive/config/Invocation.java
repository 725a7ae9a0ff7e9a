package io.tglive.config;

import io.tglive.hcl.SourceRange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One call of a built-in function: its evaluated arguments, where it was called and the context
 * that Terragrunt's path functions read (null for a pure function, {@link FunctionTable.Entry#pure()}).
 */
record Invocation(String name, List<Value> args, SourceRange range, FunctionContext context) {

  /** Fails unless the call has between {@code min} and {@code max} arguments. */
  void expectArgs(int min, int max) {
    int n = args.size();
    if (n < min || n > max) {
      String expected =
          min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
      throw error("expects " + expected + " argument" + (max == 1 && min == 1 ? "" : "s") + ", got " + n);
    }
  }

  Value arg(int index) {
    return args.get(index);
  }

  String string(int index) {
    Value v = args.get(index);
    try {
      return v.asString();
    } catch (EvaluationError e) {
      throw argumentError(index, e.detail());
    }
  }

  BigDecimal number(int index) {
    try {
      return args.get(index).asNumber();
    } catch (EvaluationError e) {
      throw argumentError(index, e.detail());
    }
  }

  List<Value> elements(int index) {
    try {
      return args.get(index).asElements();
    } catch (EvaluationError e) {
      throw argumentError(index, e.detail());
    }
  }

  Map<String, Value> attributes(int index) {
    try {
      return args.get(index).asAttributes();
    } catch (EvaluationError e) {
      throw argumentError(index, e.detail());
    }
  }

  /** An error about argument {@code index} (0-based) of this call. */
  EvaluationError argumentError(int index, String detail) {
    return error("argument " + (index + 1) + ": " + detail);
  }

  /** An error about this call, positioned at it. */
  EvaluationError error(String detail) {
    return new EvaluationError(range, name + ": " + detail);
  }
}
