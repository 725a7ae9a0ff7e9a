package io.tglive.config;

import io.tglive.config.Value.BoolValue;
import io.tglive.config.Value.ListValue;
import io.tglive.config.Value.NullValue;
import io.tglive.config.Value.NumberValue;
import io.tglive.config.Value.ObjectValue;
import io.tglive.config.Value.SetValue;
import io.tglive.config.Value.StringValue;
import io.tglive.config.Value.UnknownValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON text of a known value exactly as cty writes it ({@code jsonencode}, {@code %#v}, {@code %q}):
 * Go's string escaping (HTML characters and U+2028/U+2029 as {@code \\uXXXX}), numbers in plain
 * decimal, object keys sorted, set elements in cty's order.
 */
final class CtyJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CtyJson() {}

  /** The JSON text of a wholly known value. */
  static String encode(Value value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /** A JSON string literal, escaped as Go's {@code encoding/json} does. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    appendQuoted(s, out);
    return out.toString();
  }

  private static void write(Value value, StringBuilder out) {
    EvaluationBudget.checkString(out.length());
    if (value instanceof NullValue) {
      out.append("null");
    } else if (value instanceof BoolValue b) {
      out.append(b.value());
    } else if (value instanceof NumberValue n) {
      out.append(n.value().toPlainString());
    } else if (value instanceof StringValue s) {
      appendQuoted(s.value(), out);
    } else if (value instanceof ObjectValue o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> e : o.attributes().entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        appendQuoted(e.getKey(), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof UnknownValue) {
      throw new IllegalStateException("unknown values are handled before encoding");
    } else {
      List<Value> elements = value instanceof SetValue s ? ordered(s) : ((ListValue) value).elements();
      out.append('[');
      for (int i = 0; i < elements.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(elements.get(i), out);
      }
      out.append(']');
    }
  }

  /** cty orders sets of strings lexically and sets of numbers numerically. */
  static List<Value> ordered(SetValue set) {
    List<Value> elements = new ArrayList<>(set.elements());
    if (elements.stream().allMatch(StringValue.class::isInstance)) {
      elements.sort((a, b) -> ((StringValue) a).value().compareTo(((StringValue) b).value()));
    } else if (elements.stream().allMatch(NumberValue.class::isInstance)) {
      elements.sort((a, b) -> {
        BigDecimal x = ((NumberValue) a).value();
        return x.compareTo(((NumberValue) b).value());
      });
    }
    return elements;
  }

  private static void appendQuoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append("\\u00").append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            if (c >= 0x100) {
              out.setLength(out.length() - 6);
              out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                  .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
          } else if (Character.isSurrogate(c)
              && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))) {
            out.append("\\ufffd");
          } else {
            out.append(c);
            if (Character.isHighSurrogate(c)) {
              out.append(s.charAt(++i));
            }
          }
        }
      }
    }
    out.append('"');
  }
}
