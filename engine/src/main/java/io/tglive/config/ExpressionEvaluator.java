package io.tglive.config;

import io.tglive.config.Value.BoolValue;
import io.tglive.config.Value.ListValue;
import io.tglive.config.Value.NullValue;
import io.tglive.config.Value.ObjectValue;
import io.tglive.config.Value.SetValue;
import io.tglive.config.Value.UnknownValue;
import io.tglive.hcl.Expression;
import io.tglive.hcl.Expression.Binary;
import io.tglive.hcl.Expression.BoolLiteral;
import io.tglive.hcl.Expression.Conditional;
import io.tglive.hcl.Expression.ForExpr;
import io.tglive.hcl.Expression.FunctionCall;
import io.tglive.hcl.Expression.GetAttr;
import io.tglive.hcl.Expression.Index;
import io.tglive.hcl.Expression.NullLiteral;
import io.tglive.hcl.Expression.NumberLiteral;
import io.tglive.hcl.Expression.ObjectCons;
import io.tglive.hcl.Expression.ObjectItem;
import io.tglive.hcl.Expression.Parenthesized;
import io.tglive.hcl.Expression.Splat;
import io.tglive.hcl.Expression.SplatItem;
import io.tglive.hcl.Expression.Template;
import io.tglive.hcl.Expression.TupleCons;
import io.tglive.hcl.Expression.Unary;
import io.tglive.hcl.Expression.Variable;
import io.tglive.hcl.SourceRange;
import io.tglive.hcl.TemplatePart;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates HCL expressions with HCL's semantics over {@link Value}s. Unknown values propagate
 * through every operation: a conditional on an unknown condition is unknown and never picks a
 * branch. Errors are {@link EvaluationError}s positioned at the innermost failing expression.
 */
final class ExpressionEvaluator {

  /** Resolves the root variables of a file ({@code local}, {@code include}, ...). */
  interface Roots {

    /** The value of a root variable used on its own. */
    Value variable(String name, SourceRange range);

    /**
     * {@code root.name}, so a root can resolve one attribute lazily (one local, one include) without
     * building the whole object.
     */
    default Value attribute(String root, String name, SourceRange range) {
      return getAttr(variable(root, range), name);
    }
  }

  /** Variables bound by for-expressions and splats, innermost first. */
  private record Binding(String name, Value value, Binding next) {}

  private static final String SPLAT_ITEM = "*";

  private final Roots roots;
  private final FunctionContext context;
  /** How many try/can arguments enclose the current expression: their errors must propagate to them. */
  private int recovering;
  /** Elements and characters built so far by this evaluator, against the cumulative budget. */
  private long builtElements;
  private long builtChars;
  /** How many untaken conditional branches enclose the current expression (evaluated for their type only). */
  private int quiet;

  ExpressionEvaluator(Roots roots, FunctionContext context) {
    this.roots = roots;
    this.context = context;
  }

  /** The value of an expression. */
  Value evaluate(Expression expression) {
    return eval(expression, null);
  }

  private Value eval(Expression e, Binding b) {
    try {
      return dispatch(e, b);
    } catch (EvaluationError error) {
      throw error.at(e.range());
    }
  }

  private Value dispatch(Expression e, Binding b) {
    if (e instanceof NumberLiteral n) {
      return new Value.NumberValue(n.value());
    }
    if (e instanceof BoolLiteral l) {
      return Value.bool(l.value());
    }
    if (e instanceof NullLiteral) {
      return Value.NULL;
    }
    if (e instanceof Template t) {
      return template(t, b);
    }
    if (e instanceof Variable v) {
      return variable(v, b);
    }
    if (e instanceof GetAttr || e instanceof Index) {
      return traversal(e, b);
    }
    if (e instanceof Splat s) {
      return splat(s, b);
    }
    if (e instanceof SplatItem) {
      return lookupBinding(SPLAT_ITEM, b);
    }
    if (e instanceof FunctionCall c) {
      return call(c, b);
    }
    if (e instanceof TupleCons t) {
      List<Value> items = new ArrayList<>(t.items().size());
      for (Expression item : t.items()) {
        items.add(eval(item, b));
      }
      return Value.list(items);
    }
    if (e instanceof ObjectCons o) {
      return object(o, b);
    }
    if (e instanceof Unary u) {
      return unary(u, eval(u.operand(), b));
    }
    if (e instanceof Binary bin) {
      return binaryChain(bin, b);
    }
    if (e instanceof Conditional c) {
      return conditional(c, b);
    }
    if (e instanceof Parenthesized p) {
      return eval(p.inner(), b);
    }
    if (e instanceof ForExpr f) {
      return forExpression(f, b);
    }
    throw new IllegalStateException("unhandled expression " + e.getClass().getSimpleName());
  }

  /**
   * A chain of {@code .attr} and {@code [key]} steps, walked iteratively so a long flat chain (which
   * the parser does not count as nesting) cannot exhaust the stack.
   */
  private Value traversal(Expression e, Binding b) {
    List<Expression> steps = new ArrayList<>();
    Expression at = e;
    while (at instanceof GetAttr || at instanceof Index) {
      steps.add(at);
      at = at instanceof GetAttr g ? g.target() : ((Index) at).target();
    }
    int next = steps.size() - 1;
    Value current;
    GetAttr first = steps.get(next) instanceof GetAttr g ? g : null;
    if (first != null && at instanceof Variable root && !isBound(root.name(), b)) {
      current = fromRoots(() -> roots.attribute(root.name(), first.name(), first.range()));
      next--;
    } else {
      current = eval(at, b);
    }
    for (; next >= 0; next--) {
      Expression step = steps.get(next);
      try {
        current = step instanceof GetAttr g ? getAttr(current, g.name()) : index(current, eval(((Index) step).key(), b));
      } catch (EvaluationError error) {
        throw error.at(step.range());
      }
    }
    return current;
  }

  /** A chain of binary operators along the left operand, evaluated iteratively (see {@link #traversal}). */
  private Value binaryChain(Binary e, Binding b) {
    List<Binary> chain = new ArrayList<>();
    Expression at = e;
    while (at instanceof Binary bin) {
      chain.add(bin);
      at = bin.left();
    }
    Value left = eval(at, b);
    for (int i = chain.size() - 1; i >= 0; i--) {
      Binary bin = chain.get(i);
      Value right = eval(bin.right(), b);
      try {
        left = EvaluationBudget.check(Operators.binary(bin.operator(), left, right));
      } catch (EvaluationError error) {
        throw error.at(bin.range());
      }
    }
    return left;
  }

  /**
   * {@code c ? a : b} as HCL evaluates it: both results are evaluated (the untaken one quietly, its
   * errors ignored) so their types can be unified; the chosen result is converted to that type.
   */
  private Value conditional(Conditional c, Binding b) {
    Value condition = eval(c.condition(), b);
    if (condition instanceof NullValue) {
      throw new EvaluationError(c.condition().range(), "the condition value is null; conditions must either be true or false");
    }
    if (condition instanceof UnknownValue u) {
      Value whenTrue = quietly(c.whenTrue(), b);
      Value whenFalse = quietly(c.whenFalse(), b);
      if (whenTrue != null && whenFalse != null) {
        inConditional(c, () -> ConditionalTypes.unify(whenTrue, whenFalse, true));
      }
      return u;
    }
    boolean taken;
    try {
      taken = condition.asBool();
    } catch (EvaluationError error) {
      throw error.at(c.condition().range());
    }
    Value chosen = eval(taken ? c.whenTrue() : c.whenFalse(), b);
    Value other = quietly(taken ? c.whenFalse() : c.whenTrue(), b);
    return other == null ? chosen : inConditional(c, () -> ConditionalTypes.unify(chosen, other, taken));
  }

  private static Value inConditional(Conditional c, java.util.function.Supplier<Value> unify) {
    try {
      return unify.get();
    } catch (EvaluationError error) {
      throw error.at(c.range());
    }
  }

  /**
   * The value of an untaken branch, for its type: null when it fails (HCL discards that branch's
   * errors, even an unknown function); no diagnostics are recorded.
   */
  private Value quietly(Expression e, Binding b) {
    quiet++;
    recovering++;
    try {
      return eval(e, b);
    } catch (EvaluationError error) {
      return null;
    } finally {
      quiet--;
      recovering--;
    }
  }

  private Value variable(Variable v, Binding b) {
    for (Binding at = b; at != null; at = at.next()) {
      if (at.name().equals(v.name())) {
        return at.value();
      }
    }
    return fromRoots(() -> roots.variable(v.name(), v.range()));
  }

  /**
   * Resolves a root (a local, an include...): its value, cached by the roots, must not depend on
   * whether this reference sits inside {@code try} or an untaken branch.
   */
  private Value fromRoots(java.util.function.Supplier<Value> resolve) {
    int savedRecovering = recovering;
    int savedQuiet = quiet;
    recovering = 0;
    quiet = 0;
    try {
      return resolve.get();
    } finally {
      recovering = savedRecovering;
      quiet = savedQuiet;
    }
  }

  private static boolean isBound(String name, Binding b) {
    for (Binding at = b; at != null; at = at.next()) {
      if (at.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static Value lookupBinding(String name, Binding b) {
    for (Binding at = b; at != null; at = at.next()) {
      if (at.name().equals(name)) {
        return at.value();
      }
    }
    throw new IllegalStateException("splat item outside a splat");
  }

  // --- templates ---------------------------------------------------------------------------

  private Value template(Template t, Binding b) {
    List<TemplatePart> parts = t.parts();
    if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation only) {
      return eval(only.expression(), b);
    }
    if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Literal literal) {
      return Value.string(literal.text());
    }
    TemplateBuilder out = new TemplateBuilder();
    appendParts(parts, b, out);
    charge(0, out.text.length());
    return out.unknown != null ? out.unknown : Value.string(out.text.toString());
  }

  /** Accumulates template output (the parser has applied strip markers); remembers the first unknown part. */
  private static final class TemplateBuilder {
    final StringBuilder text = new StringBuilder();
    UnknownValue unknown;
  }

  private void appendParts(List<TemplatePart> parts, Binding b, TemplateBuilder out) {
    for (TemplatePart part : parts) {
      if (part instanceof TemplatePart.Literal l) {
        EvaluationBudget.checkString((long) out.text.length() + l.text().length());
        out.text.append(l.text());
      } else if (part instanceof TemplatePart.Interpolation i) {
        Value v = eval(i.expression(), b);
        if (v instanceof UnknownValue u) {
          out.unknown = out.unknown == null ? u : out.unknown;
        } else if (v instanceof NullValue) {
          throw new EvaluationError(
              i.expression().range(), "the interpolated value is null; a template cannot include null");
        } else {
          try {
            String text = v.asString();
            EvaluationBudget.checkString((long) out.text.length() + text.length());
            out.text.append(text);
          } catch (EvaluationError e) {
            throw e.at(i.expression().range());
          }
        }
      } else if (part instanceof TemplatePart.If directive) {
        Value condition = eval(directive.condition(), b);
        if (condition instanceof UnknownValue u) {
          out.unknown = out.unknown == null ? u : out.unknown;
        } else {
          boolean taken;
          try {
            taken = condition.asBool();
          } catch (EvaluationError e) {
            throw e.at(directive.condition().range());
          }
          appendParts(taken ? directive.then() : directive.otherwise(), b, out);
        }
      } else if (part instanceof TemplatePart.For loop) {
        Value collection = eval(loop.collection(), b);
        if (collection instanceof UnknownValue u) {
          out.unknown = out.unknown == null ? u : out.unknown;
        } else {
          for (Map.Entry<Value, Value> entry : iterate(collection, loop.collection().range())) {
            Binding inner = new Binding(loop.valueVariable(), entry.getValue(), b);
            if (loop.keyVariable() != null) {
              inner = new Binding(loop.keyVariable(), entry.getKey(), inner);
            }
            appendParts(loop.body(), inner, out);
          }
        }
      }
    }
  }

  // --- traversal -----------------------------------------------------------------------------

  /** {@code target.name}. */
  static Value getAttr(Value target, String name) {
    if (target instanceof UnknownValue) {
      return target;
    }
    if (target instanceof ObjectValue o) {
      Value v = o.attributes().get(name);
      if (v == null) {
        throw new EvaluationError("this object has no attribute \"" + name + "\"");
      }
      return v;
    }
    if (target instanceof ListValue && !name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
      return index(target, Value.number(Long.parseLong(name)));
    }
    if (target instanceof NullValue) {
      throw new EvaluationError("cannot get attribute \"" + name + "\" of a null value");
    }
    throw new EvaluationError("cannot get attribute \"" + name + "\" of a " + target.typeName() + " value");
  }

  /** {@code target[key]}. */
  static Value index(Value target, Value key) {
    if (target instanceof UnknownValue) {
      return target;
    }
    if (key instanceof UnknownValue) {
      return key;
    }
    if (target instanceof ListValue l) {
      BigDecimal n = key.asNumber();
      int i;
      try {
        i = n.intValueExact();
      } catch (ArithmeticException e) {
        throw new EvaluationError("the index " + n.toPlainString() + " is not a whole number");
      }
      if (i < 0 || i >= l.elements().size()) {
        throw new EvaluationError(
            "the index " + i + " is out of range for a list of " + l.elements().size() + " elements");
      }
      return l.elements().get(i);
    }
    if (target instanceof ObjectValue o) {
      String k = key.asString();
      Value v = o.attributes().get(k);
      if (v == null) {
        throw new EvaluationError("the key \"" + k + "\" does not exist in this map");
      }
      return v;
    }
    if (target instanceof NullValue) {
      throw new EvaluationError("cannot index a null value");
    }
    throw new EvaluationError("cannot index a " + target.typeName() + " value");
  }

  private Value splat(Splat s, Binding b) {
    Value source = eval(s.source(), b);
    if (source instanceof UnknownValue) {
      return source;
    }
    List<Value> items =
        source instanceof NullValue
            ? List.of()
            : source instanceof ListValue || source instanceof SetValue ? source.asElements() : List.of(source);
    List<Value> results = new ArrayList<>(items.size());
    for (Value item : items) {
      results.add(eval(s.each(), new Binding(SPLAT_ITEM, item, b)));
    }
    return Value.list(results);
  }

  // --- constructors ---------------------------------------------------------------------------

  private Value object(ObjectCons o, Binding b) {
    Map<String, Value> attributes = new LinkedHashMap<>();
    UnknownValue unknownKey = null;
    for (ObjectItem item : o.items()) {
      Value key = eval(item.key(), b);
      Value value = eval(item.value(), b);
      if (key instanceof UnknownValue u) {
        unknownKey = unknownKey == null ? u : unknownKey;
        continue;
      }
      if (key instanceof NullValue) {
        throw new EvaluationError(item.key().range(), "an object key cannot be null");
      }
      try {
        attributes.put(key.asString(), value);
      } catch (EvaluationError e) {
        throw e.at(item.key().range());
      }
    }
    return unknownKey != null ? unknownKey : Value.object(attributes);
  }

  private Value forExpression(ForExpr f, Binding b) {
    Value collection = eval(f.collection(), b);
    if (collection instanceof UnknownValue) {
      return collection;
    }
    List<Value> tuple = new ArrayList<>();
    Map<String, Value> object = new LinkedHashMap<>();
    Map<String, List<Value>> groups = new LinkedHashMap<>();
    for (Map.Entry<Value, Value> entry : iterate(collection, f.collection().range())) {
      Binding inner = new Binding(f.valueVariable(), entry.getValue(), b);
      if (f.keyVariable() != null) {
        inner = new Binding(f.keyVariable(), entry.getKey(), inner);
      }
      if (f.condition() != null) {
        Value keep = eval(f.condition(), inner);
        if (keep instanceof UnknownValue) {
          return keep;
        }
        try {
          if (!keep.asBool()) {
            continue;
          }
        } catch (EvaluationError e) {
          throw e.at(f.condition().range());
        }
      }
      charge(1, 0);
      if (!f.producesObject()) {
        tuple.add(eval(f.valueResult(), inner));
        EvaluationBudget.checkCollection(tuple.size());
        continue;
      }
      Value key = eval(f.keyResult(), inner);
      if (key instanceof UnknownValue) {
        return key;
      }
      String k;
      try {
        k = key.asString();
      } catch (EvaluationError e) {
        throw e.at(f.keyResult().range());
      }
      Value value = eval(f.valueResult(), inner);
      if (f.grouping()) {
        groups.computeIfAbsent(k, x -> new ArrayList<>()).add(value);
      } else if (object.putIfAbsent(k, value) != null) {
        throw new EvaluationError(
            f.keyResult().range(),
            "duplicate key \"" + k + "\" in for expression (use ... after the value to group)");
      }
    }
    if (!f.producesObject()) {
      return Value.list(tuple);
    }
    if (f.grouping()) {
      groups.forEach((k, values) -> object.put(k, Value.list(values)));
    }
    return Value.object(object);
  }

  /** Key/value pairs of a collection: index/element, element/element or key/attribute. */
  private static List<Map.Entry<Value, Value>> iterate(Value collection, SourceRange range) {
    List<Map.Entry<Value, Value>> entries = new ArrayList<>();
    if (collection instanceof ListValue l) {
      for (int i = 0; i < l.elements().size(); i++) {
        entries.add(Map.entry(Value.number(i), l.elements().get(i)));
      }
    } else if (collection instanceof SetValue s) {
      for (Value v : s.elements()) {
        entries.add(Map.entry(v, v));
      }
    } else if (collection instanceof ObjectValue o) {
      o.attributes().forEach((k, v) -> entries.add(Map.entry(Value.string(k), v)));
    } else {
      throw new EvaluationError(range, "cannot iterate over a " + collection.typeName() + " value");
    }
    return entries;
  }

  // --- operators ------------------------------------------------------------------------------

  private static Value unary(Unary u, Value operand) {
    if (operand instanceof UnknownValue) {
      return operand;
    }
    if (u.operator() == Expression.UnaryOperator.NOT) {
      return Value.bool(!operand.asBool());
    }
    return new Value.NumberValue(operand.asNumber().negate());
  }

  // --- function calls -------------------------------------------------------------------------

  private Value call(FunctionCall c, Binding b) {
    if (c.name().equals("try")) {
      return tryCall(c, b);
    }
    if (c.name().equals("can")) {
      return canCall(c, b);
    }
    FunctionTable.Entry entry = FunctionTable.BUILTINS.get(c.name());
    if (entry == null) {
      if (!FunctionTable.UNSUPPORTED.contains(c.name()) && !c.name().contains("::")) {
        throw EvaluationError.fatal(c.range(), "call to unknown function: there is no function named \"" + c.name() + "\"");
      }
      diagnostic(c.range(), "unsupported function \"" + c.name() + "\"; its result is unknown");
      return Value.unknown("the result of the unsupported function " + c.name() + "()");
    }
    List<Value> args = new ArrayList<>(c.args().size());
    for (Expression arg : c.args()) {
      args.add(eval(arg, b));
    }
    if (c.expandFinal() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (last instanceof UnknownValue) {
        return last;
      }
      try {
        args.addAll(last.asElements());
      } catch (EvaluationError e) {
        throw e.at(c.args().get(c.args().size() - 1).range());
      }
    }
    for (Value arg : args) {
      UnknownValue unknown = entry.acceptsNestedUnknowns() ? (arg.isKnown() ? null : (UnknownValue) arg) : arg.unknownWithin();
      if (unknown != null) {
        return unknown;
      }
    }
    try {
      Value result = EvaluationBudget.check(entry.function().call(new Invocation(c.name(), args, c.range(), entry.pure() ? null : context)));
      if (result instanceof Value.StringValue s) {
        charge(0, s.value().length());
      } else if (result instanceof ListValue || result instanceof SetValue) {
        charge(result.asElements().size(), 0);
      } else if (result instanceof ObjectValue o) {
        charge(o.attributes().size(), 0);
      }
      return result;
    } catch (EvaluationError e) {
      EvaluationError positioned = e.at(c.range());
      boolean caughtByTry = recovering > 0 && positioned.recoverable();
      if (caughtByTry || !(entry.failureIsUnknown() || positioned.isBudget())) {
        throw positioned;
      }
      diagnostic(c.range(), positioned.detail() + "; the result of " + c.name() + "() is unknown");
      return Value.unknown("the failed call " + c.name() + "() at " + c.range().describe() + ": " + positioned.detail());
    } catch (java.nio.file.InvalidPathException e) {
      throw EvaluationError.fatal(c.range(), c.name() + ": not a valid path: " + PathText.problem(e));
    }
  }

  /** Counts what an evaluation builds, failing once the cumulative budget of the file is spent. */
  private void charge(long elements, long chars) {
    builtElements += elements;
    builtChars += chars;
    EvaluationBudget.checkCumulative(builtElements, builtChars);
  }

  /** Records a diagnostic unless evaluating a conditional's branch that was not taken. */
  private void diagnostic(SourceRange range, String message) {
    if (quiet == 0) {
      context.diagnostic(range, message);
    }
  }

  /** {@code try(a, b, ...)}: the first argument that evaluates; unknown if that one is unknown. */
  private Value tryCall(FunctionCall c, Binding b) {
    if (c.args().isEmpty()) {
      throw new EvaluationError(c.range(), "try: expects at least 1 argument, got 0");
    }
    List<String> failures = new ArrayList<>();
    for (Expression arg : c.args()) {
      recovering++;
      try {
        return eval(arg, b);
      } catch (EvaluationError e) {
        if (!e.recoverable()) {
          throw e;
        }
        failures.add(e.getMessage());
      } finally {
        recovering--;
      }
    }
    throw new EvaluationError(c.range(), "try: no argument could be evaluated: " + String.join("; ", failures));
  }

  /** {@code can(x)}: whether x evaluates without error; unknown if x is unknown. */
  private Value canCall(FunctionCall c, Binding b) {
    if (c.args().size() != 1) {
      throw new EvaluationError(c.range(), "can: expects 1 argument, got " + c.args().size());
    }
    recovering++;
    try {
      Value v = eval(c.args().get(0), b);
      return v instanceof UnknownValue ? v : Value.TRUE;
    } catch (EvaluationError e) {
      if (!e.recoverable()) {
        throw e;
      }
      return Value.FALSE;
    } finally {
      recovering--;
    }
  }

  /** HCL's binary operators over values. */
  static final class Operators {
    private Operators() {}

    static Value binary(Expression.BinaryOperator op, Value left, Value right) {
      switch (op) {
        case OR:
          if (isTrue(left) || isTrue(right)) {
            return Value.TRUE;
          }
          if (!left.isKnown()) {
            return left;
          }
          if (!right.isKnown()) {
            return right;
          }
          return Value.bool(left.asBool() || right.asBool());
        case AND:
          if (isFalse(left) || isFalse(right)) {
            return Value.FALSE;
          }
          if (!left.isKnown()) {
            return left;
          }
          if (!right.isKnown()) {
            return right;
          }
          return Value.bool(left.asBool() && right.asBool());
        case EQUAL:
        case NOT_EQUAL:
          {
            UnknownValue unknown = left.unknownWithin();
            unknown = unknown != null ? unknown : right.unknownWithin();
            if (unknown != null) {
              return unknown;
            }
            boolean equal = left.equals(right);
            return Value.bool(op == Expression.BinaryOperator.EQUAL ? equal : !equal);
          }
        default:
          break;
      }
      if (!left.isKnown()) {
        return left;
      }
      if (!right.isKnown()) {
        return right;
      }
      BigDecimal l = left.asNumber();
      BigDecimal r = right.asNumber();
      switch (op) {
        case LESS:
          return Value.bool(l.compareTo(r) < 0);
        case LESS_OR_EQUAL:
          return Value.bool(l.compareTo(r) <= 0);
        case GREATER:
          return Value.bool(l.compareTo(r) > 0);
        case GREATER_OR_EQUAL:
          return Value.bool(l.compareTo(r) >= 0);
        case ADD:
          return new Value.NumberValue(l.add(r));
        case SUBTRACT:
          return new Value.NumberValue(l.subtract(r));
        case MULTIPLY:
          return new Value.NumberValue(l.multiply(r));
        case DIVIDE:
          if (r.signum() == 0) {
            throw new EvaluationError("division by zero");
          }
          return new Value.NumberValue(l.divide(r, MathContext.DECIMAL128));
        case MODULO:
          if (r.signum() == 0) {
            throw new EvaluationError("modulo by zero");
          }
          return new Value.NumberValue(l.remainder(r));
        default:
          throw new IllegalStateException("unhandled operator " + op);
      }
    }

    private static boolean isTrue(Value v) {
      return v instanceof BoolValue b && b.value();
    }

    private static boolean isFalse(Value v) {
      return v instanceof BoolValue b && !b.value();
    }
  }
}
