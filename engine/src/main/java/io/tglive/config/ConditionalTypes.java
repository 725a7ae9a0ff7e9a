package io.tglive.config;

import io.tglive.config.Value.BoolValue;
import io.tglive.config.Value.ListValue;
import io.tglive.config.Value.NullValue;
import io.tglive.config.Value.NumberValue;
import io.tglive.config.Value.ObjectValue;
import io.tglive.config.Value.SetValue;
import io.tglive.config.Value.StringValue;
import io.tglive.config.Value.UnknownValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The result type of {@code c ? a : b}, as HCL computes it with cty's {@code UnifyUnsafe}: both
 * results must have a common type ({@code "x"} and {@code 1} unify to string, {@code 1} and {@code
 * true} do not), and the chosen result is converted to it. Nulls and unknowns fit any type.
 */
final class ConditionalTypes {

  private ConditionalTypes() {}

  /** A cty type; {@code kind} is one of the constants below, with element or attribute types. */
  record Type(String kind, Type element, List<Type> elements, Map<String, Type> attributes) {
    static final Type DYNAMIC = primitive("dynamic");
    static final Type BOOL = primitive("bool");
    static final Type NUMBER = primitive("number");
    static final Type STRING = primitive("string");

    static Type primitive(String kind) {
      return new Type(kind, null, null, null);
    }

    static Type collection(String kind, Type element) {
      return new Type(kind, element, null, null);
    }

    boolean isPrimitive() {
      return element == null && elements == null && attributes == null && this != DYNAMIC && !kind.equals("dynamic");
    }

    boolean isCollection() {
      return element != null;
    }

    @Override
    public String toString() {
      if (elements != null) {
        return "tuple";
      }
      if (attributes != null) {
        return "object";
      }
      return element != null ? kind + " of " + element : kind;
    }
  }

  /**
   * The chosen value converted to the type both results share.
   *
   * @throws EvaluationError when the two results have no common type
   */
  static Value unify(Value chosen, Value other, boolean chosenIsTrue) {
    Type a = typeOf(chosen);
    Type b = typeOf(other);
    if (a.kind().equals("dynamic") || b.kind().equals("dynamic")) {
      return chosen;
    }
    Type unified = unify(a, b);
    if (unified == null) {
      Type whenTrue = chosenIsTrue ? a : b;
      Type whenFalse = chosenIsTrue ? b : a;
      throw new EvaluationError("inconsistent conditional result types: the true and false result expressions"
          + " must have consistent types; the 'true' value is " + whenTrue + ", but the 'false' value is " + whenFalse);
    }
    return convert(chosen, unified);
  }

  static Type typeOf(Value v) {
    if (v instanceof NullValue || v instanceof UnknownValue) {
      return Type.DYNAMIC;
    }
    if (v instanceof BoolValue) {
      return Type.BOOL;
    }
    if (v instanceof NumberValue) {
      return Type.NUMBER;
    }
    if (v instanceof StringValue) {
      return Type.STRING;
    }
    if (v instanceof ListValue l) {
      List<Type> types = new ArrayList<>(l.elements().size());
      l.elements().forEach(e -> types.add(typeOf(e)));
      return new Type("tuple", null, types, null);
    }
    if (v instanceof SetValue s) {
      Type element = Type.DYNAMIC;
      for (Value e : s.elements()) {
        Type t = unify(element, typeOf(e));
        element = t == null ? Type.DYNAMIC : t;
      }
      return Type.collection("set", element);
    }
    Map<String, Type> attributes = new LinkedHashMap<>();
    ((ObjectValue) v).attributes().forEach((k, e) -> attributes.put(k, typeOf(e)));
    return new Type("object", null, null, attributes);
  }

  /** cty's unification of two types, or null when they have none. */
  static Type unify(Type a, Type b) {
    if (a.equals(b)) {
      return a;
    }
    if (a.kind().equals("dynamic")) {
      return b;
    }
    if (b.kind().equals("dynamic")) {
      return a;
    }
    boolean aObject = a.attributes() != null;
    boolean bObject = b.attributes() != null;
    boolean aTuple = a.elements() != null;
    boolean bTuple = b.elements() != null;
    if (aObject && bObject) {
      if (a.attributes().keySet().equals(b.attributes().keySet())) {
        Map<String, Type> attributes = new LinkedHashMap<>();
        for (String name : a.attributes().keySet()) {
          Type t = unify(a.attributes().get(name), b.attributes().get(name));
          if (t == null) {
            return null;
          }
          attributes.put(name, t);
        }
        return new Type("object", null, null, attributes);
      }
      return unifyAll("map", concat(a.attributes().values(), b.attributes().values()));
    }
    if (aTuple && bTuple) {
      if (a.elements().size() == b.elements().size()) {
        List<Type> elements = new ArrayList<>();
        for (int i = 0; i < a.elements().size(); i++) {
          Type t = unify(a.elements().get(i), b.elements().get(i));
          if (t == null) {
            return null;
          }
          elements.add(t);
        }
        return new Type("tuple", null, elements, null);
      }
      return unifyAll("list", concat(a.elements(), b.elements()));
    }
    if (aObject && bTuple || aTuple && bObject) {
      return null;
    }
    if (a.isCollection() && b.isCollection() && a.kind().equals(b.kind())) {
      Type element = unify(a.element(), b.element());
      return element == null ? null : Type.collection(a.kind(), element);
    }
    // General case: the preferred of the two types to which the other converts.
    Type first = prefer(a, b) ? a : b;
    Type second = first == a ? b : a;
    if (convertible(second, first)) {
      return first;
    }
    return convertible(first, second) ? second : null;
  }

  private static boolean prefer(Type a, Type b) {
    if (a.isPrimitive() && b.isPrimitive()) {
      return a.equals(Type.STRING) || !b.equals(Type.STRING);
    }
    return a.isCollection() && !b.isCollection() || !(b.isCollection() && !a.isCollection());
  }

  private static Type unifyAll(String kind, List<Type> types) {
    Type element = Type.DYNAMIC;
    for (Type t : types) {
      element = unify(element, t);
      if (element == null) {
        return null;
      }
    }
    return Type.collection(kind, element);
  }

  private static List<Type> concat(java.util.Collection<Type> a, java.util.Collection<Type> b) {
    List<Type> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Whether cty's unsafe conversion from {@code from} to {@code to} exists. */
  private static boolean convertible(Type from, Type to) {
    if (from.equals(to) || to.kind().equals("dynamic") || from.kind().equals("dynamic")) {
      return true;
    }
    if (from.isPrimitive() && to.isPrimitive()) {
      return to.equals(Type.STRING) || from.equals(Type.STRING);
    }
    if (to.isCollection() && (to.kind().equals("list") || to.kind().equals("set"))) {
      if (from.elements() != null) {
        return from.elements().stream().allMatch(e -> convertible(e, to.element()));
      }
      return from.isCollection() && !from.kind().equals("map") && convertible(from.element(), to.element());
    }
    if (to.isCollection() && to.kind().equals("map")) {
      if (from.attributes() != null) {
        return from.attributes().values().stream().allMatch(e -> convertible(e, to.element()));
      }
      return from.isCollection() && from.kind().equals("map") && convertible(from.element(), to.element());
    }
    if (to.attributes() != null && from.attributes() != null) {
      return from.attributes().keySet().containsAll(to.attributes().keySet())
          && to.attributes().entrySet().stream()
              .allMatch(e -> convertible(from.attributes().get(e.getKey()), e.getValue()));
    }
    if (to.elements() != null && from.elements() != null && to.elements().size() == from.elements().size()) {
      for (int i = 0; i < to.elements().size(); i++) {
        if (!convertible(from.elements().get(i), to.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** Converts a value to a type it is known to be convertible to. */
  static Value convert(Value v, Type to) {
    if (v instanceof NullValue || v instanceof UnknownValue || to.kind().equals("dynamic")) {
      return v;
    }
    if (to.equals(Type.STRING)) {
      return Value.string(v.asString());
    }
    if (to.equals(Type.NUMBER)) {
      return new NumberValue(v.asNumber());
    }
    if (to.equals(Type.BOOL)) {
      return Value.bool(v.asBool());
    }
    if (to.attributes() != null) {
      Map<String, Value> out = new LinkedHashMap<>();
      to.attributes().forEach((k, t) -> out.put(k, convert(v.asAttributes().get(k), t)));
      return Value.object(out);
    }
    if (to.elements() != null) {
      List<Value> in = v.asElements();
      List<Value> out = new ArrayList<>(in.size());
      for (int i = 0; i < in.size(); i++) {
        out.add(convert(in.get(i), to.elements().get(i)));
      }
      return Value.list(out);
    }
    if (to.kind().equals("map")) {
      Map<String, Value> out = new LinkedHashMap<>();
      v.asAttributes().forEach((k, e) -> out.put(k, convert(e, to.element())));
      return Value.object(out);
    }
    List<Value> out = new ArrayList<>();
    for (Value e : v.asElements()) {
      out.add(convert(e, to.element()));
    }
    return to.kind().equals("set") ? new SetValue(new LinkedHashSet<>(out)) : Value.list(out);
  }

}
