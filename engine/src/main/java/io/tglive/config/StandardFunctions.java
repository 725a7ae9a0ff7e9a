package io.tglive.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tglive.config.Value.ListValue;
import io.tglive.config.Value.NullValue;
import io.tglive.config.Value.NumberValue;
import io.tglive.config.Value.ObjectValue;
import io.tglive.config.Value.SetValue;
import io.tglive.config.Value.StringValue;
import io.tglive.config.Value.UnknownValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Terraform's context-free built-in functions that Terragrunt configurations commonly use. */
final class StandardFunctions {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private StandardFunctions() {}

  static void register(FunctionTable table) {
    registerStrings(table);
    registerCollections(table);
    registerConversions(table);
    registerEncodings(table);
  }

  private static void registerStrings(FunctionTable t) {
    t.strict("lower", c -> Value.string(oneString(c).toLowerCase(Locale.ROOT)));
    t.strict("upper", c -> Value.string(oneString(c).toUpperCase(Locale.ROOT)));
    t.strict("trimspace", c -> Value.string(oneString(c).strip()));
    t.strict("trimprefix", c -> {
      c.expectArgs(2, 2);
      String s = c.string(0);
      String prefix = c.string(1);
      return Value.string(s.startsWith(prefix) ? s.substring(prefix.length()) : s);
    });
    t.strict("trimsuffix", c -> {
      c.expectArgs(2, 2);
      String s = c.string(0);
      String suffix = c.string(1);
      return Value.string(s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s);
    });
    t.strict("startswith", c -> {
      c.expectArgs(2, 2);
      return Value.bool(c.string(0).startsWith(c.string(1)));
    });
    t.strict("endswith", c -> {
      c.expectArgs(2, 2);
      return Value.bool(c.string(0).endsWith(c.string(1)));
    });
    t.strict("replace", StandardFunctions::replace);
    t.strict("split", c -> {
      c.expectArgs(2, 2);
      String separator = c.string(0);
      String s = c.string(1);
      List<Value> parts = new ArrayList<>();
      if (separator.isEmpty()) {
        s.codePoints().forEach(cp -> parts.add(Value.string(new String(Character.toChars(cp)))));
      } else {
        int from = 0;
        for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, from)) {
          parts.add(Value.string(s.substring(from, at)));
          from = at + separator.length();
        }
        parts.add(Value.string(s.substring(from)));
      }
      return Value.list(parts);
    });
    t.strict("join", c -> {
      c.expectArgs(2, Integer.MAX_VALUE);
      String separator = c.string(0);
      StringBuilder out = new StringBuilder();
      boolean first = true;
      for (int i = 1; i < c.args().size(); i++) {
        for (Value element : c.elements(i)) {
          if (element instanceof NullValue) {
            throw c.argumentError(i, "the list contains a null element");
          }
          if (!first) {
            out.append(separator);
          }
          first = false;
          try {
            out.append(element.asString());
          } catch (EvaluationError e) {
            throw c.argumentError(i, e.detail());
          }
        }
      }
      return Value.string(out.toString());
    });
    t.strict("format", FormatFunction::format);
    t.strict("dirname", c -> Value.string(LexicalPaths.dir(oneString(c))));
    t.strict("basename", c -> Value.string(LexicalPaths.base(oneString(c))));
  }

  private static void registerCollections(FunctionTable t) {
    t.lenient("length", c -> {
      c.expectArgs(1, 1);
      Value v = c.arg(0);
      if (v instanceof StringValue s) {
        return Value.number(s.value().codePointCount(0, s.value().length()));
      }
      if (v instanceof ObjectValue o) {
        return Value.number(o.attributes().size());
      }
      return Value.number(c.elements(0).size());
    });
    t.lenient("concat", c -> {
      List<Value> all = new ArrayList<>();
      for (int i = 0; i < c.args().size(); i++) {
        all.addAll(c.elements(i));
      }
      return Value.list(all);
    });
    t.lenient("merge", c -> {
      Map<String, Value> merged = new LinkedHashMap<>();
      for (int i = 0; i < c.args().size(); i++) {
        if (!(c.arg(i) instanceof NullValue)) {
          merged.putAll(c.attributes(i));
        }
      }
      return Value.object(merged);
    });
    t.lenient("lookup", c -> {
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
    t.lenient("element", c -> {
      c.expectArgs(2, 2);
      List<Value> list = c.elements(0);
      if (list.isEmpty()) {
        throw c.argumentError(0, "cannot take an element of an empty list");
      }
      int index;
      try {
        index = c.number(1).intValueExact();
      } catch (ArithmeticException e) {
        throw c.argumentError(1, "the index must be a whole number");
      }
      if (index < 0) {
        throw c.argumentError(1, "the index must not be negative");
      }
      return list.get(index % list.size());
    });
    t.lenient("coalesce", c -> {
      for (Value v : c.args()) {
        if (v instanceof NullValue || (v instanceof StringValue s && s.value().isEmpty())) {
          continue;
        }
        return v;
      }
      throw c.error("no non-null, non-empty argument");
    });
    t.lenient("keys", c -> {
      c.expectArgs(1, 1);
      List<Value> keys = new ArrayList<>();
      c.attributes(0).keySet().forEach(k -> keys.add(Value.string(k)));
      return Value.list(keys);
    });
    t.lenient("values", c -> {
      c.expectArgs(1, 1);
      return Value.list(new ArrayList<>(c.attributes(0).values()));
    });
    t.lenient("tolist", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : Value.list(c.elements(0));
    });
    t.strict("toset", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : new SetValue(new LinkedHashSet<>(c.elements(0)));
    });
    t.strict("distinct", c -> {
      c.expectArgs(1, 1);
      return Value.list(new ArrayList<>(new LinkedHashSet<>(c.elements(0))));
    });
    t.strict("flatten", c -> {
      c.expectArgs(1, 1);
      List<Value> out = new ArrayList<>();
      flattenInto(c.elements(0), out);
      return Value.list(out);
    });
    t.strict("contains", c -> {
      c.expectArgs(2, 2);
      return Value.bool(c.elements(0).contains(c.arg(1)));
    });
    t.strict("compact", c -> {
      c.expectArgs(1, 1);
      List<Value> out = new ArrayList<>();
      for (Value v : c.elements(0)) {
        if (!(v instanceof NullValue) && !(v instanceof StringValue s && s.value().isEmpty())) {
          out.add(v);
        }
      }
      return Value.list(out);
    });
  }

  private static void registerConversions(FunctionTable t) {
    t.strict("tostring", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : Value.string(c.string(0));
    });
    t.strict("tonumber", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : new NumberValue(c.number(0));
    });
    t.strict("tobool", c -> {
      c.expectArgs(1, 1);
      if (c.arg(0) instanceof NullValue) {
        return Value.NULL;
      }
      try {
        return Value.bool(c.arg(0).asBool());
      } catch (EvaluationError e) {
        throw c.argumentError(0, e.detail());
      }
    });
    t.lenient("tomap", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : Value.object(c.attributes(0));
    });
  }

  private static void registerEncodings(FunctionTable t) {
    t.strict("jsondecode", c -> decode(c, JSON));
    t.strict("yamldecode", c -> decode(c, YAML));
    t.strict("jsonencode", c -> {
      c.expectArgs(1, 1);
      try {
        return Value.string(JSON.writeValueAsString(toJson(c.arg(0))));
      } catch (JsonProcessingException e) {
        throw c.error(e.getOriginalMessage());
      }
    });
  }

  private static String oneString(Invocation c) {
    c.expectArgs(1, 1);
    return c.string(0);
  }

  private static Value replace(Invocation c) {
    c.expectArgs(3, 3);
    String s = c.string(0);
    String search = c.string(1);
    String replacement = c.string(2);
    if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
      Pattern pattern;
      try {
        pattern = Pattern.compile(search.substring(1, search.length() - 1));
      } catch (PatternSyntaxException e) {
        throw c.argumentError(1, "invalid regular expression: " + e.getDescription());
      }
      // Terraform writes $1 or ${1}; Java understands $1 and ${name}.
      String javaReplacement = replacement.replaceAll("\\$\\{(\\d+)\\}", "\\$$1");
      try {
        return Value.string(pattern.matcher(s).replaceAll(javaReplacement));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw c.argumentError(2, "invalid replacement: " + e.getMessage());
      }
    }
    return Value.string(search.isEmpty() ? s : s.replace(search, replacement));
  }

  private static void flattenInto(List<Value> elements, List<Value> out) {
    for (Value v : elements) {
      if (v instanceof ListValue || v instanceof SetValue) {
        flattenInto(v.asElements(), out);
      } else {
        out.add(v);
      }
    }
  }

  private static Value decode(Invocation c, ObjectMapper mapper) {
    c.expectArgs(1, 1);
    String text = c.string(0);
    try {
      JsonNode node = mapper.readTree(text);
      return node == null ? Value.NULL : fromJson(node);
    } catch (JsonProcessingException e) {
      throw c.argumentError(0, "cannot decode: " + e.getOriginalMessage());
    }
  }

  /** A JSON (or YAML) tree as a value; numbers stay exact. */
  static Value fromJson(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return Value.NULL;
    }
    if (node.isBoolean()) {
      return Value.bool(node.booleanValue());
    }
    if (node.isNumber()) {
      return new NumberValue(node.decimalValue());
    }
    if (node.isTextual()) {
      return Value.string(node.textValue());
    }
    if (node.isArray()) {
      List<Value> elements = new ArrayList<>(node.size());
      node.forEach(element -> elements.add(fromJson(element)));
      return Value.list(elements);
    }
    if (node.isObject()) {
      Map<String, Value> attributes = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        attributes.put(field.getKey(), fromJson(field.getValue()));
      }
      return Value.object(attributes);
    }
    return Value.string(node.asText());
  }

  /** A known value as a JSON tree. */
  static JsonNode toJson(Value v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (v instanceof NullValue) {
      return f.nullNode();
    }
    if (v instanceof Value.BoolValue b) {
      return f.booleanNode(b.value());
    }
    if (v instanceof NumberValue n) {
      BigDecimal d = n.value();
      return d.scale() <= 0 ? f.numberNode(d.toBigInteger()) : f.numberNode(d);
    }
    if (v instanceof StringValue s) {
      return f.textNode(s.value());
    }
    if (v instanceof ObjectValue o) {
      ObjectNode node = f.objectNode();
      o.attributes().forEach((k, child) -> node.set(k, toJson(child)));
      return node;
    }
    if (v instanceof UnknownValue) {
      throw new IllegalStateException("unknown values are handled before encoding");
    }
    var array = f.arrayNode();
    v.asElements().forEach(child -> array.add(toJson(child)));
    return array;
  }

  /** Terraform's {@code format}: the verbs {@code %s %d %v %q %t %f %%}. */
  private static final class FormatFunction {
    private static final Pattern VERB = Pattern.compile("%(?:%|([-+# 0]*)(\\d+)?(?:\\.(\\d+))?([sdvqtf]))");

    private FormatFunction() {}

    static Value format(Invocation c) {
      c.expectArgs(1, Integer.MAX_VALUE);
      String spec = c.string(0);
      Matcher m = VERB.matcher(spec);
      StringBuilder out = new StringBuilder();
      int next = 1;
      int from = 0;
      while (m.find()) {
        out.append(spec, from, m.start());
        from = m.end();
        if (m.group(4) == null) {
          out.append('%');
          continue;
        }
        if (next >= c.args().size()) {
          throw c.error("too few arguments for the format string \"" + spec + "\"");
        }
        out.append(pad(verb(c, m.group(4).charAt(0), m.group(3), next), m.group(1), m.group(2)));
        next++;
      }
      String rest = spec.substring(from);
      if (rest.contains("%")) {
        throw c.argumentError(0, "unsupported verb at \"" + rest.substring(rest.indexOf('%')) + "\"");
      }
      out.append(rest);
      if (next < c.args().size()) {
        throw c.error("too many arguments for the format string \"" + spec + "\"");
      }
      return Value.string(out.toString());
    }

    private static String verb(Invocation c, char verb, String precision, int index) {
      Value v = c.arg(index);
      try {
        switch (verb) {
          case 's':
            return v.asString();
          case 'd':
            {
              BigDecimal n = v.asNumber();
              if (n.stripTrailingZeros().scale() > 0) {
                throw c.argumentError(index, "%d needs a whole number, not " + n.toPlainString());
              }
              return n.toBigInteger().toString();
            }
          case 'f':
            return v.asNumber().setScale(precision == null ? 6 : Integer.parseInt(precision), RoundingMode.HALF_EVEN).toPlainString();
          case 't':
            return Boolean.toString(v.asBool());
          case 'q':
            return JSON.writeValueAsString(v.asString());
          default:
            return v instanceof StringValue s ? s.value() : JSON.writeValueAsString(toJson(v));
        }
      } catch (EvaluationError e) {
        throw e.range() == null ? c.argumentError(index, e.detail()) : e;
      } catch (JsonProcessingException e) {
        throw c.argumentError(index, e.getOriginalMessage());
      }
    }

    private static String pad(String s, String flags, String width) {
      if (width == null || s.length() >= Integer.parseInt(width)) {
        return s;
      }
      String padding = " ".repeat(Integer.parseInt(width) - s.length());
      return flags != null && flags.contains("-") ? s + padding : padding + s;
    }
  }
}
