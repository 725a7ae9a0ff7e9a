package io.tglive.hcl;

import java.math.BigDecimal;
import java.util.List;

/**
 * An HCL expression. The variants follow HashiCorp's hclsyntax specification; every node keeps its
 * source range so errors and unresolved values can name file, line and the original text.
 */
public sealed interface Expression {

  SourceRange range();

  /** A number literal. */
  record NumberLiteral(BigDecimal value, SourceRange range) implements Expression {}

  /** {@code true} or {@code false}. */
  record BoolLiteral(boolean value, SourceRange range) implements Expression {}

  /** {@code null}. */
  record NullLiteral(SourceRange range) implements Expression {}

  /**
   * A quoted string or heredoc. A template made of exactly one interpolation ({@code "${x}"}) yields
   * the interpolated value unconverted, as in HCL. Bare identifier object keys are parsed as a
   * template with one literal part.
   */
  record Template(List<TemplatePart> parts, SourceRange range) implements Expression {
    public Template {
      parts = List.copyOf(parts);
    }
  }

  /** A root variable such as {@code local}, {@code include} or a for-expression variable. */
  record Variable(String name, SourceRange range) implements Expression {}

  /** {@code target.name} (also legacy {@code target.0} index form, with a numeric name). */
  record GetAttr(Expression target, String name, SourceRange range) implements Expression {}

  /** {@code target[key]}. */
  record Index(Expression target, Expression key, SourceRange range) implements Expression {}

  /**
   * A splat: {@code source.*.a} or {@code source[*].a}. {@code each} is evaluated once per element
   * of {@code source}, with {@link SplatItem} standing for the element.
   */
  record Splat(Expression source, Expression each, SourceRange range) implements Expression {}

  /** The element placeholder inside {@link Splat#each()}. */
  record SplatItem(SourceRange range) implements Expression {}

  /** {@code name(args...)}; {@code expandFinal} is true when the last argument ends with {@code ...}. */
  record FunctionCall(String name, List<Expression> args, boolean expandFinal, SourceRange range)
      implements Expression {
    public FunctionCall {
      args = List.copyOf(args);
    }
  }

  /** {@code [a, b, c]}. */
  record TupleCons(List<Expression> items, SourceRange range) implements Expression {
    public TupleCons {
      items = List.copyOf(items);
    }
  }

  /** {@code { key = value, ... }}; keys are expressions (see {@link Template} for bare names). */
  record ObjectCons(List<ObjectItem> items, SourceRange range) implements Expression {
    public ObjectCons {
      items = List.copyOf(items);
    }
  }

  /** One {@code key = value} (or {@code key: value}) item of an object constructor. */
  record ObjectItem(Expression key, Expression value) {}

  /** {@code -x} or {@code !x}. */
  record Unary(UnaryOperator operator, Expression operand, SourceRange range) implements Expression {}

  /** {@code left op right}. */
  record Binary(BinaryOperator operator, Expression left, Expression right, SourceRange range)
      implements Expression {}

  /** {@code condition ? whenTrue : whenFalse}. */
  record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, SourceRange range)
      implements Expression {}

  /** {@code ( inner )}; kept so object keys in parentheses are evaluated, not taken literally. */
  record Parenthesized(Expression inner, SourceRange range) implements Expression {}

  /**
   * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}.
   * {@code keyVariable} is null when only one variable is named; {@code keyResult} is null for tuple
   * results; {@code condition} is null when there is no {@code if}.
   */
  record ForExpr(
      String keyVariable,
      String valueVariable,
      Expression collection,
      Expression keyResult,
      Expression valueResult,
      Expression condition,
      boolean grouping,
      SourceRange range)
      implements Expression {

    /** True for an object-producing {@code {for ...}}. */
    public boolean producesObject() {
      return keyResult != null;
    }
  }

  /** Unary operators. */
  enum UnaryOperator {
    NEGATE,
    NOT
  }

  /** Binary operators, from lowest to highest precedence group. */
  enum BinaryOperator {
    OR,
    AND,
    EQUAL,
    NOT_EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    ADD,
    SUBTRACT,
    MULTIPLY,
    DIVIDE,
    MODULO
  }
}
