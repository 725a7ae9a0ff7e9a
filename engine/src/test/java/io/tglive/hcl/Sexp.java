package io.tglive.hcl;

import java.util.List;
import java.util.stream.Collectors;

/** Renders syntax trees as compact S-expressions so tests can assert on shape in one line. */
final class Sexp {

  private Sexp() {}

  static String of(Expression e) {
    if (e instanceof Expression.NumberLiteral n) {
      return n.value().toString();
    } else if (e instanceof Expression.BoolLiteral b) {
      return String.valueOf(b.value());
    } else if (e instanceof Expression.NullLiteral) {
      return "null";
    } else if (e instanceof Expression.Template t) {
      return "(tpl" + t.parts().stream().map(p -> " " + of(p)).collect(Collectors.joining()) + ")";
    } else if (e instanceof Expression.Variable v) {
      return v.name();
    } else if (e instanceof Expression.GetAttr g) {
      return "(. " + of(g.target()) + " " + g.name() + ")";
    } else if (e instanceof Expression.Index i) {
      return "([] " + of(i.target()) + " " + of(i.key()) + ")";
    } else if (e instanceof Expression.Splat s) {
      return "(splat " + of(s.source()) + " " + of(s.each()) + ")";
    } else if (e instanceof Expression.SplatItem) {
      return "item";
    } else if (e instanceof Expression.FunctionCall f) {
      return "(" + f.name() + f.args().stream().map(a -> " " + of(a)).collect(Collectors.joining())
          + (f.expandFinal() ? " ...)" : ")");
    } else if (e instanceof Expression.TupleCons t) {
      return "[" + t.items().stream().map(Sexp::of).collect(Collectors.joining(" ")) + "]";
    } else if (e instanceof Expression.ObjectCons o) {
      return "{" + o.items().stream().map(i -> of(i.key()) + "=" + of(i.value())).collect(Collectors.joining(" ")) + "}";
    } else if (e instanceof Expression.Unary u) {
      return "(" + (u.operator() == Expression.UnaryOperator.NEGATE ? "neg" : "!") + " " + of(u.operand()) + ")";
    } else if (e instanceof Expression.Binary b) {
      return "(" + b.operator() + " " + of(b.left()) + " " + of(b.right()) + ")";
    } else if (e instanceof Expression.Conditional c) {
      return "(? " + of(c.condition()) + " " + of(c.whenTrue()) + " " + of(c.whenFalse()) + ")";
    } else if (e instanceof Expression.Parenthesized p) {
      return "(paren " + of(p.inner()) + ")";
    } else if (e instanceof Expression.ForExpr f) {
      return "(for " + f.keyVariable() + " " + f.valueVariable() + " " + of(f.collection())
          + (f.keyResult() == null ? "" : " " + of(f.keyResult()) + " =>") + " " + of(f.valueResult())
          + (f.grouping() ? " ..." : "") + (f.condition() == null ? "" : " if " + of(f.condition())) + ")";
    }
    throw new AssertionError(e);
  }

  static String of(TemplatePart part) {
    if (part instanceof TemplatePart.Literal l) {
      return "'" + l.text() + "'";
    } else if (part instanceof TemplatePart.Interpolation i) {
      return "${" + (i.stripLeft() ? "~" : "") + of(i.expression()) + (i.stripRight() ? "~" : "") + "}";
    } else if (part instanceof TemplatePart.If i) {
      return "(if " + of(i.condition()) + " " + parts(i.then()) + " " + parts(i.otherwise()) + ")";
    } else if (part instanceof TemplatePart.For f) {
      return "(for " + f.keyVariable() + " " + f.valueVariable() + " " + of(f.collection()) + " " + parts(f.body()) + ")";
    }
    throw new AssertionError(part);
  }

  private static String parts(List<TemplatePart> parts) {
    return "[" + parts.stream().map(Sexp::of).collect(Collectors.joining(" ")) + "]";
  }
}
