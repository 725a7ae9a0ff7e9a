package io.tglive.config;

import io.tglive.config.Value.ListValue;
import io.tglive.config.Value.NullValue;
import io.tglive.config.Value.ObjectValue;
import io.tglive.config.Value.SetValue;
import io.tglive.config.Value.StringValue;
import io.tglive.config.Value.UnknownValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Terraform's collection functions. Those registered leniently keep unknown elements next to known
 * ones when the shape of the result is known ({@code concat([a], [unknown])} is a two-element list).
 */
final class CollectionFunctions {

  private CollectionFunctions() {}

  static void register(FunctionTable t) {
    registerShapes(t);
    registerLookups(t);
    registerSets(t);
  }

  private static void registerShapes(FunctionTable t) {
    t.terraformLenient("length", c -> {
      c.expectArgs(1, 1);
      Value v = c.arg(0);
      if (v instanceof StringValue s) {
        return Value.number(FormatFunctions.graphemeCount(s.value()));
      }
      if (v instanceof ObjectValue o) {
        return Value.number(o.attributes().size());
      }
      return Value.number(c.elements(0).size());
    });
    t.terraformLenient("concat", c -> {
      List<Value> all = new ArrayList<>();
      for (int i = 0; i < c.args().size(); i++) {
        all.addAll(c.elements(i));
        EvaluationBudget.checkCollection(all.size());
      }
      return Value.list(all);
    });
    t.terraformLenient("reverse", c -> {
      c.expectArgs(1, 1);
      List<Value> out = new ArrayList<>(c.elements(0));
      java.util.Collections.reverse(out);
      return Value.list(out);
    });
    t.terraformLenient("slice", c -> {
      c.expectArgs(3, 3);
      List<Value> list = c.elements(0);
      int from = NumericFunctions.integer(c, 1);
      int to = NumericFunctions.integer(c, 2);
      if (from < 0) {
        throw c.argumentError(1, "start index must not be less than zero");
      }
      if (to > list.size()) {
        throw c.argumentError(2, "end index must not be greater than the length of the list");
      }
      if (from > to) {
        throw c.argumentError(1, "start index must not be greater than end index");
      }
      return Value.list(list.subList(from, to));
    });
    t.terraformLenient("chunklist", c -> {
      c.expectArgs(2, 2);
      List<Value> list = c.elements(0);
      int size = NumericFunctions.integer(c, 1);
      if (size < 0) {
        throw c.argumentError(1, "the size argument must be positive");
      }
      if (list.isEmpty()) {
        return Value.list(List.of());
      }
      if (size == 0) {
        return Value.list(List.of(Value.list(list)));
      }
      List<Value> chunks = new ArrayList<>();
      for (int i = 0; i < list.size(); i += size) {
        chunks.add(Value.list(list.subList(i, Math.min(list.size(), i + size))));
      }
      return Value.list(chunks);
    });
    t.terraform("flatten", c -> {
      c.expectArgs(1, 1);
      List<Value> out = new ArrayList<>();
      flattenInto(c.elements(0), out);
      return Value.list(out);
    });
    t.terraform("compact", c -> {
      c.expectArgs(1, 1);
      List<Value> out = new ArrayList<>();
      for (Value v : c.elements(0)) {
        if (!(v instanceof NullValue) && !(v instanceof StringValue s && s.value().isEmpty())) {
          out.add(v);
        }
      }
      return Value.list(out);
    });
    t.terraform("distinct", c -> {
      c.expectArgs(1, 1);
      return Value.list(new ArrayList<>(new LinkedHashSet<>(homogeneous(c, 0))));
    });
    t.terraform("sort", c -> {
      c.expectArgs(1, 1);
      List<String> strings = new ArrayList<>();
      for (Value v : homogeneous(c, 0)) {
        if (v instanceof NullValue) {
          throw c.argumentError(0, "given list element is null; a null value cannot be used as a string");
        }
        try {
          strings.add(v.asString());
        } catch (EvaluationError e) {
          throw c.argumentError(0, e.detail());
        }
      }
      strings.sort(null);
      return Value.list(strings.stream().map(Value::string).map(Value.class::cast).toList());
    });
    t.terraform("range", NumericFunctions::range);
    t.terraformLenient("tolist", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : Value.list(homogeneous(c, 0));
    });
    t.terraform("toset", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : new SetValue(new LinkedHashSet<>(homogeneous(c, 0)));
    });
    t.terraform("transpose", c -> {
      c.expectArgs(1, 1);
      Map<String, List<Value>> out = new TreeMap<>();
      for (Map.Entry<String, Value> entry : c.attributes(0).entrySet()) {
        for (Value v : elementsOf(c, 0, entry.getValue())) {
          String key;
          try {
            key = v.asString();
          } catch (EvaluationError e) {
            throw c.argumentError(0, e.detail());
          }
          out.computeIfAbsent(key, k -> new ArrayList<>()).add(Value.string(entry.getKey()));
        }
      }
      Map<String, Value> result = new LinkedHashMap<>();
      out.forEach((k, v) -> result.put(k, Value.list(v)));
      return Value.object(result);
    });
    t.terraform("setproduct", c -> {
      c.expectArgs(1, Integer.MAX_VALUE);
      long total = 1;
      List<List<Value>> lists = new ArrayList<>();
      for (int i = 0; i < c.args().size(); i++) {
        List<Value> elements = c.arg(i) instanceof SetValue s ? CtyJson.ordered(s) : c.elements(i);
        lists.add(elements);
        total *= elements.size();
        EvaluationBudget.checkCollection(total);
      }
      List<Value> product = new ArrayList<>();
      product(lists, 0, new ArrayList<>(), product);
      boolean anySet = c.args().stream().anyMatch(SetValue.class::isInstance);
      return anySet ? new SetValue(new LinkedHashSet<>(product)) : Value.list(product);
    });
  }

  private static void registerLookups(FunctionTable t) {
    t.terraformLenient("merge", c -> {
      Map<String, Value> merged = new LinkedHashMap<>();
      for (int i = 0; i < c.args().size(); i++) {
        if (!(c.arg(i) instanceof NullValue)) {
          merged.putAll(c.attributes(i));
        }
      }
      return Value.object(merged);
    });
    t.terraformLenient("lookup", c -> {
      c.expectArgs(2, 3);
      Value found = c.attributes(0).get(c.string(1));
      if (found != null) {
        return found;
      }
      if (c.args().size() == 3) {
        return c.arg(2);
      }
      throw c.error("the key \"" + c.string(1) + "\" does not exist and no default was given");
    });
    t.terraformLenient("element", c -> {
      c.expectArgs(2, 2);
      List<Value> list = c.elements(0);
      if (list.isEmpty()) {
        throw c.argumentError(0, "cannot use element function with an empty list");
      }
      int index = NumericFunctions.integer(c, 1) % list.size();
      return list.get(index < 0 ? index + list.size() : index);
    });
    t.terraformLenient("coalesce", c -> {
      for (Value v : c.args()) {
        if (v instanceof NullValue || (v instanceof StringValue s && s.value().isEmpty())) {
          continue;
        }
        return v;
      }
      throw c.error("no non-null, non-empty-string arguments");
    });
    t.terraformLenient("coalescelist", c -> {
      for (int i = 0; i < c.args().size(); i++) {
        if (!(c.arg(i) instanceof NullValue) && !c.elements(i).isEmpty()) {
          return c.arg(i);
        }
      }
      throw c.error("no non-null arguments");
    });
    t.terraformLenient("keys", c -> {
      c.expectArgs(1, 1);
      List<Value> keys = new ArrayList<>();
      c.attributes(0).keySet().forEach(k -> keys.add(Value.string(k)));
      return Value.list(keys);
    });
    t.terraformLenient("values", c -> {
      c.expectArgs(1, 1);
      return Value.list(new ArrayList<>(c.attributes(0).values()));
    });
    t.terraformLenient("zipmap", c -> {
      c.expectArgs(2, 2);
      List<Value> keys = c.elements(0);
      List<Value> values = c.elements(1);
      if (keys.size() != values.size()) {
        throw c.error("number of keys (" + keys.size() + ") does not match number of values (" + values.size() + ")");
      }
      Map<String, Value> out = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        if (keys.get(i) instanceof UnknownValue u) {
          return u;
        }
        try {
          out.put(keys.get(i).asString(), values.get(i));
        } catch (EvaluationError e) {
          throw c.argumentError(0, e.detail());
        }
      }
      return Value.object(out);
    });
    t.terraform("contains", c -> {
      c.expectArgs(2, 2);
      return Value.bool(c.elements(0).contains(c.arg(1)));
    });
    t.terraform("index", c -> {
      c.expectArgs(2, 2);
      int at = homogeneous(c, 0).indexOf(c.arg(1));
      if (at < 0) {
        throw c.error("item not found");
      }
      return Value.number(at);
    });
    t.terraformLenient("one", c -> {
      c.expectArgs(1, 1);
      if (c.arg(0) instanceof NullValue) {
        throw c.argumentError(0, "argument must not be null");
      }
      List<Value> list = c.elements(0);
      if (list.size() > 1) {
        throw c.argumentError(0, "must be a list, set, or tuple value with either zero or one elements");
      }
      return list.isEmpty() ? Value.NULL : list.get(0);
    });
    t.terraform("matchkeys", c -> {
      c.expectArgs(3, 3);
      List<Value> values = c.elements(0);
      List<Value> keys = c.elements(1);
      if (values.size() != keys.size()) {
        throw c.error("length of keys and values should be equal");
      }
      Set<Value> search = new LinkedHashSet<>(c.elements(2));
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (search.contains(keys.get(i))) {
          out.add(values.get(i));
        }
      }
      return Value.list(out);
    });
    t.terraformLenient("alltrue", c -> truth(c, true));
    t.terraformLenient("anytrue", c -> truth(c, false));
  }

  private static void registerSets(FunctionTable t) {
    t.terraform("setunion", c -> {
      c.expectArgs(1, Integer.MAX_VALUE);
      Set<Value> out = new LinkedHashSet<>();
      for (int i = 0; i < c.args().size(); i++) {
        out.addAll(homogeneous(c, i));
        EvaluationBudget.checkCollection(out.size());
      }
      return new SetValue(out);
    });
    t.terraform("setintersection", c -> {
      c.expectArgs(1, Integer.MAX_VALUE);
      Set<Value> out = new LinkedHashSet<>(homogeneous(c, 0));
      for (int i = 1; i < c.args().size(); i++) {
        out.retainAll(new LinkedHashSet<>(homogeneous(c, i)));
      }
      return new SetValue(out);
    });
    t.terraform("setsubtract", c -> {
      c.expectArgs(2, 2);
      Set<Value> out = new LinkedHashSet<>(homogeneous(c, 0));
      out.removeAll(new LinkedHashSet<>(homogeneous(c, 1)));
      return new SetValue(out);
    });
  }

  /**
   * alltrue (all = true) and anytrue, as Terragrunt's Terraform 0.15 implements them: alltrue is
   * unknown at the first unknown element unless a false came before; anytrue is true when any
   * known element is true, else unknown when an element is unknown.
   */
  private static Value truth(Invocation c, boolean all) {
    c.expectArgs(1, 1);
    UnknownValue unknown = null;
    for (Value v : c.elements(0)) {
      if (v instanceof UnknownValue u) {
        if (all) {
          return u;
        }
        unknown = u;
        continue;
      }
      if (v instanceof NullValue) {
        if (all) {
          return Value.FALSE;
        }
        continue;
      }
      boolean b;
      try {
        b = v.asBool();
      } catch (EvaluationError e) {
        throw c.argumentError(0, e.detail());
      }
      if (b != all) {
        return Value.bool(!all);
      }
    }
    return unknown != null ? unknown : Value.bool(all);
  }

  /**
   * The elements of a list argument converted to one element type, as cty converts a tuple passed
   * where a list or set is expected: {@code [1, "1"]} becomes {@code ["1", "1"]}.
   */
  static List<Value> homogeneous(Invocation c, int index) {
    List<Value> elements = c.elements(index);
    ConditionalTypes.Type element = ConditionalTypes.Type.DYNAMIC;
    for (Value v : elements) {
      element = ConditionalTypes.unify(element, ConditionalTypes.typeOf(v));
      if (element == null) {
        throw c.argumentError(index, "all elements must have the same type");
      }
    }
    List<Value> out = new ArrayList<>(elements.size());
    try {
      for (Value v : elements) {
        out.add(ConditionalTypes.convert(v, element));
      }
    } catch (EvaluationError e) {
      throw c.argumentError(index, e.detail());
    }
    return out;
  }

  private static List<Value> elementsOf(Invocation c, int index, Value v) {
    try {
      return v.asElements();
    } catch (EvaluationError e) {
      throw c.argumentError(index, e.detail());
    }
  }

  private static void product(List<List<Value>> lists, int at, List<Value> prefix, List<Value> out) {
    if (at == lists.size()) {
      out.add(Value.list(prefix));
      return;
    }
    for (Value v : lists.get(at)) {
      prefix.add(v);
      product(lists, at + 1, prefix, out);
      prefix.remove(prefix.size() - 1);
    }
  }

  private static void flattenInto(List<Value> elements, List<Value> out) {
    for (Value v : elements) {
      if (v instanceof SetValue s) {
        flattenInto(CtyJson.ordered(s), out);
      } else if (v instanceof ListValue) {
        flattenInto(v.asElements(), out);
      } else {
        out.add(v);
      }
      EvaluationBudget.checkCollection(out.size());
    }
  }
}
