package io.tglive.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A value of the Terragrunt configuration language (HCL with cty semantics), including an explicit
 * {@link UnknownValue} for anything that cannot be known while building the graph. Conversions that
 * fail throw an {@link EvaluationError} without a position; the evaluator adds one.
 */
public sealed interface Value {

  /** The null value. */
  NullValue NULL = new NullValue();

  /** {@code true}. */
  BoolValue TRUE = new BoolValue(true);

  /** {@code false}. */
  BoolValue FALSE = new BoolValue(false);

  /** The HCL type name, for messages. */
  String typeName();

  /** {@code null}. */
  record NullValue() implements Value {
    @Override
    public String typeName() {
      return "null";
    }
  }

  /** A boolean. */
  record BoolValue(boolean value) implements Value {
    @Override
    public String typeName() {
      return "bool";
    }
  }

  /** A number, kept in a canonical form (no trailing zeros) so equal numbers are equal records. */
  record NumberValue(BigDecimal value) implements Value {
    public NumberValue {
      value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
      if (value.scale() < 0) {
        value = value.setScale(0);
      }
    }

    @Override
    public String typeName() {
      return "number";
    }
  }

  /** A string, in Unicode normal form C as cty keeps every string ({@code "e\u0301"} is {@code "é"}). */
  record StringValue(String value) implements Value {
    public StringValue {
      if (!isAscii(value) && !java.text.Normalizer.isNormalized(value, java.text.Normalizer.Form.NFC)) {
        value = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC);
      }
    }

    private static boolean isAscii(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) >= 0x80) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String typeName() {
      return "string";
    }
  }

  /** A list or tuple, in order. */
  record ListValue(List<Value> elements) implements Value {
    public ListValue {
      elements = List.copyOf(elements);
    }

    @Override
    public String typeName() {
      return "tuple";
    }
  }

  /** A set: distinct elements in first-seen order; equality ignores order. */
  record SetValue(Set<Value> elements) implements Value {
    public SetValue {
      elements = Collections.unmodifiableSet(new LinkedHashSet<>(elements));
    }

    @Override
    public String typeName() {
      return "set";
    }
  }

  /** A map or object; attributes iterate in lexical key order, as in cty. */
  record ObjectValue(Map<String, Value> attributes) implements Value {
    public ObjectValue {
      attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    @Override
    public String typeName() {
      return "object";
    }
  }

  /**
   * A value that cannot be known while building the graph (dependency outputs, stack values,
   * unsupported functions). It propagates through every operation and is never guessed.
   *
   * @param reason why the value is unknown, for messages
   */
  record UnknownValue(String reason) implements Value {
    @Override
    public String typeName() {
      return "unknown";
    }
  }

  static StringValue string(String value) {
    return new StringValue(value);
  }

  static NumberValue number(long value) {
    return new NumberValue(BigDecimal.valueOf(value));
  }

  static BoolValue bool(boolean value) {
    return value ? TRUE : FALSE;
  }

  static ListValue list(List<Value> elements) {
    return new ListValue(elements);
  }

  static ObjectValue object(Map<String, Value> attributes) {
    return new ObjectValue(attributes);
  }

  static UnknownValue unknown(String reason) {
    return new UnknownValue(reason);
  }

  /** True unless this is {@link UnknownValue}. */
  default boolean isKnown() {
    return !(this instanceof UnknownValue);
  }

  /** The first unknown value found in this value or anything nested in it, or null. */
  default UnknownValue unknownWithin() {
    if (this instanceof UnknownValue u) {
      return u;
    }
    Iterable<Value> children =
        this instanceof ListValue l
            ? l.elements()
            : this instanceof SetValue s
                ? s.elements()
                : this instanceof ObjectValue o ? o.attributes().values() : List.of();
    for (Value child : children) {
      UnknownValue u = child.unknownWithin();
      if (u != null) {
        return u;
      }
    }
    return null;
  }

  /** Converts to a string as HCL does: numbers and bools convert, everything else is an error. */
  default String asString() {
    if (this instanceof StringValue s) {
      return s.value();
    }
    if (this instanceof NumberValue n) {
      return n.value().toPlainString();
    }
    if (this instanceof BoolValue b) {
      return Boolean.toString(b.value());
    }
    if (this instanceof NullValue) {
      throw new EvaluationError("a null value cannot be used as a string");
    }
    throw new EvaluationError("a " + typeName() + " value cannot be converted to a string");
  }

  /** Converts to a number as HCL does: numeric strings convert, everything else is an error. */
  default BigDecimal asNumber() {
    if (this instanceof NumberValue n) {
      return n.value();
    }
    if (this instanceof StringValue s) {
      try {
        return new BigDecimal(s.value().trim());
      } catch (NumberFormatException e) {
        throw new EvaluationError("\"" + s.value() + "\" is not a number");
      }
    }
    if (this instanceof NullValue) {
      throw new EvaluationError("a null value cannot be used as a number");
    }
    throw new EvaluationError("a " + typeName() + " value cannot be converted to a number");
  }

  /** Converts to a bool as HCL does: {@code "true"} and {@code "false"} convert. */
  default boolean asBool() {
    if (this instanceof BoolValue b) {
      return b.value();
    }
    if (this instanceof StringValue s && (s.value().equals("true") || s.value().equals("false"))) {
      return s.value().equals("true");
    }
    if (this instanceof NullValue) {
      throw new EvaluationError("a null value cannot be used as a bool");
    }
    throw new EvaluationError("a " + typeName() + " value cannot be converted to a bool");
  }

  /** The elements of a list, tuple or set, in order; anything else is an error. */
  default List<Value> asElements() {
    if (this instanceof ListValue l) {
      return l.elements();
    }
    if (this instanceof SetValue s) {
      return new ArrayList<>(s.elements());
    }
    throw new EvaluationError("a list is required, not a " + typeName());
  }

  /** The attributes of a map or object; anything else is an error. */
  default Map<String, Value> asAttributes() {
    if (this instanceof ObjectValue o) {
      return o.attributes();
    }
    throw new EvaluationError("a map or object is required, not a " + typeName());
  }
}
