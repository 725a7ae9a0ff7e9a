package io.tglive.config;

import io.tglive.config.Value.NullValue;
import io.tglive.config.Value.NumberValue;
import io.tglive.config.Value.SetValue;
import io.tglive.config.Value.StringValue;
import io.tglive.config.Value.UnknownValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Terraform's {@code format} and {@code formatlist}, following cty's {@code stdlib.Format}: the
 * verbs {@code %v %#v %t %b %d %o %x %X %e %E %f %g %G %s %q}, {@code %%}, the flags {@code 0 # - +}
 * and space, widths, precisions and {@code [n]} argument indexes. Integer and float verbs reproduce
 * Go's {@code big.Int} and {@code big.Float} formatting; widths of strings count grapheme clusters.
 */
final class FormatFunctions {

  private FormatFunctions() {}

  static void register(FunctionTable t) {
    t.terraform("format", FormatFunctions::format);
    t.terraformLenient("formatlist", FormatFunctions::formatList);
  }

  private static Value format(Invocation c) {
    c.expectArgs(1, Integer.MAX_VALUE);
    return Value.string(apply(c, c.string(0), c.args().subList(1, c.args().size()), ""));
  }

  /** {@code formatlist}: lists are iterated together (same length), other arguments repeat. */
  private static Value formatList(Invocation c) {
    c.expectArgs(1, Integer.MAX_VALUE);
    if (!c.arg(0).isKnown()) {
      return c.arg(0);
    }
    String spec = c.string(0);
    List<Value> args = c.args().subList(1, c.args().size());
    int length = -1;
    int chooser = -1;
    for (int i = 0; i < args.size(); i++) {
      Value arg = args.get(i);
      if (arg instanceof UnknownValue u) {
        return u;
      }
      if (arg instanceof Value.ListValue || arg instanceof SetValue) {
        int n = arg.asElements().size();
        if (length == -1) {
          length = n;
          chooser = i;
        } else if (n != length) {
          throw c.argumentError(i + 1, "argument " + (i + 2) + " has length " + n
              + ", which is inconsistent with argument " + (chooser + 2) + " of length " + length);
        }
      }
    }
    List<Value> results = new ArrayList<>();
    for (int row = 0; row < Math.max(length, 1) && length != 0; row++) {
      List<Value> rowArgs = new ArrayList<>(args.size());
      UnknownValue unknown = null;
      for (Value arg : args) {
        Value v = arg instanceof Value.ListValue || arg instanceof SetValue ? arg.asElements().get(row) : arg;
        unknown = unknown != null ? unknown : v.unknownWithin();
        rowArgs.add(v);
      }
      results.add(unknown != null ? unknown : Value.string(apply(c, spec, rowArgs, "error on format iteration " + row + ": ")));
      EvaluationBudget.checkCollection(results.size());
    }
    return Value.list(results);
  }

  /** One verb of a format string. */
  private static final class Verb {
    String raw;
    int offset;
    int argNum;
    char mode;
    boolean zero;
    boolean sharp;
    boolean plus;
    boolean minus;
    boolean space;
    int width = -1;
    int precision = -1;
  }

  private static String apply(Invocation c, String spec, List<Value> args, String prefix) {
    StringBuilder out = new StringBuilder();
    int nextArg = 1;
    int highest = 0;
    int p = 0;
    int n = spec.length();
    while (p < n) {
      char ch = spec.charAt(p);
      if (ch != '%') {
        out.append(ch);
        p++;
        continue;
      }
      if (p + 1 < n && spec.charAt(p + 1) == '%') {
        out.append('%');
        p += 2;
        continue;
      }
      Verb verb = new Verb();
      verb.offset = p;
      verb.argNum = nextArg;
      int q = p + 1;
      for (; q < n && "0#-+ ".indexOf(spec.charAt(q)) >= 0; q++) {
        switch (spec.charAt(q)) {
          case '0' -> verb.zero = true;
          case '#' -> verb.sharp = true;
          case '-' -> verb.minus = true;
          case '+' -> verb.plus = true;
          default -> verb.space = true;
        }
      }
      if (q < n && spec.charAt(q) >= '1' && spec.charAt(q) <= '9') {
        int start = q;
        while (q < n && Character.isDigit(spec.charAt(q))) {
          q++;
        }
        verb.width = boundedNumber(c, spec.substring(start, q), "width");
      }
      if (q < n && spec.charAt(q) == '.') {
        int start = ++q;
        while (q < n && Character.isDigit(spec.charAt(q))) {
          q++;
        }
        verb.precision = start == q ? 0 : boundedNumber(c, spec.substring(start, q), "precision");
      }
      if (q < n && spec.charAt(q) == '[') {
        int start = ++q;
        if (q < n && spec.charAt(q) >= '1' && spec.charAt(q) <= '9') {
          while (q < n && Character.isDigit(spec.charAt(q))) {
            q++;
          }
        }
        if (q == start || q >= n || spec.charAt(q) != ']') {
          throw formatError(c, prefix, q < n
              ? "unrecognized format character '" + spec.charAt(q) + "' at offset " + q
              : "invalid format string starting at offset " + q);
        }
        verb.argNum = boundedNumber(c, spec.substring(start, q), "argument index");
        q++;
      }
      if (q >= n) {
        throw formatError(c, prefix, "invalid format string starting at offset " + q);
      }
      char mode = spec.charAt(q);
      if (!(mode >= 'a' && mode <= 'z' || mode >= 'A' && mode <= 'Z')) {
        throw formatError(c, prefix, "unrecognized format character '" + mode + "' at offset " + q);
      }
      verb.mode = mode;
      verb.raw = spec.substring(p, q + 1);
      highest = Math.max(highest, verb.argNum);
      append(c, prefix, verb, out, args);
      EvaluationBudget.checkString(out.length());
      nextArg = verb.argNum + 1;
      p = q + 1;
    }
    if (highest < args.size()) {
      int firstBad = highest + 1;
      throw c.argumentError(firstBad, prefix + (highest == 0
          ? "too many arguments; no verbs in format string"
          : "too many arguments; only " + highest + " used by format string"));
    }
    return out.toString();
  }

  private static int boundedNumber(Invocation c, String digits, String what) {
    if (digits.length() > 7 || Integer.parseInt(digits) > EvaluationBudget.MAX_FORMAT_WIDTH) {
      throw EvaluationError.budget(EvaluationBudget.exceeded(
          "a format " + what + " of " + digits, "at most " + EvaluationBudget.MAX_FORMAT_WIDTH));
    }
    return Integer.parseInt(digits);
  }

  private static EvaluationError formatError(Invocation c, String prefix, String detail) {
    return c.error(prefix + detail);
  }

  private static void append(Invocation c, String prefix, Verb verb, StringBuilder out, List<Value> args) {
    int index = verb.argNum - 1;
    if (index >= args.size()) {
      throw c.error(prefix + "not enough arguments for \"" + verb.raw + "\" at " + verb.offset
          + ": need index " + verb.argNum + " but have " + args.size() + " total");
    }
    Value arg = args.get(index);
    if (verb.mode != 'v' && arg instanceof NullValue) {
      throw c.error(prefix + unsupported(verb, "null value cannot be formatted"));
    }
    try {
      switch (verb.mode) {
        case 'v' -> out.append(asIs(verb, arg));
        case 't' -> out.append(arg.asBool());
        case 'b', 'd', 'o', 'x', 'X' -> out.append(integer(c, prefix, verb, arg.asNumber()));
        case 'e', 'E', 'f', 'g', 'G' -> out.append(floating(verb, arg.asNumber()));
        case 's', 'q' -> out.append(string(verb, arg.asString()));
        default -> throw c.error(prefix + "unsupported format verb '" + verb.mode + "' in \"" + verb.raw
            + "\" at offset " + verb.offset);
      }
    } catch (EvaluationError e) {
      throw e.range() == null ? c.error(prefix + unsupported(verb, e.detail())) : e;
    }
  }

  private static String unsupported(Verb verb, String detail) {
    return "unsupported value for \"" + verb.raw + "\" at " + verb.offset + ": " + detail;
  }

  private static String asIs(Verb verb, Value arg) {
    if (!verb.sharp && arg instanceof StringValue s) {
      return padWidth(verb, s.value());
    }
    if (!verb.sharp && arg instanceof NumberValue n) {
      return padWidth(verb, GoNumbers.shortestG(n.value()));
    }
    return padWidth(verb, CtyJson.encode(arg));
  }

  private static String string(Verb verb, String s) {
    String text = s;
    if (verb.precision > 0) {
      text = graphemePrefix(text, verb.precision);
    }
    return padWidth(verb, verb.mode == 'q' ? CtyJson.quote(text) : text);
  }

  /** Go's {@code big.Int} formatting of {@code %b %d %o %x %X} with flags, width and precision. */
  private static String integer(Invocation c, String prefix, Verb verb, BigDecimal number) {
    BigInteger value;
    try {
      value = number.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw c.error(prefix + unsupported(verb, "an integer is required"));
    }
    EvaluationBudget.checkString(value.bitLength() / 3);
    int radix = switch (verb.mode) {
      case 'b' -> 2;
      case 'o' -> 8;
      case 'x', 'X' -> 16;
      default -> 10;
    };
    String digits = value.abs().toString(radix);
    if (verb.mode == 'X') {
      digits = digits.toUpperCase(java.util.Locale.ROOT);
    }
    String sign = value.signum() < 0 ? "-" : verb.plus ? "+" : verb.space ? " " : "";
    String base = "";
    if (verb.sharp) {
      base = switch (verb.mode) {
        case 'b' -> "0b";
        case 'o' -> "0";
        case 'x' -> "0x";
        case 'X' -> "0X";
        default -> "";
      };
    }
    int zeros = 0;
    if (verb.precision >= 0) {
      if (digits.length() < verb.precision) {
        zeros = verb.precision - digits.length();
      } else if (digits.equals("0") && verb.precision == 0) {
        return "";
      }
    }
    int length = sign.length() + base.length() + zeros + digits.length();
    int left = 0;
    int right = 0;
    if (verb.width > length) {
      int d = verb.width - length;
      if (verb.minus) {
        right = d;
      } else if (verb.zero && verb.precision < 0) {
        zeros = d;
      } else {
        left = d;
      }
    }
    return " ".repeat(left) + sign + base + "0".repeat(zeros) + digits + " ".repeat(right);
  }

  /** Go's {@code big.Float} formatting of {@code %e %E %f %g %G} with flags, width and precision. */
  private static String floating(Verb verb, BigDecimal number) {
    String body = GoNumbers.format(number.abs(), verb.mode, verb.precision);
    String sign = number.signum() < 0 ? "-" : verb.plus ? "+" : verb.space ? " " : "";
    int padding = Math.max(0, verb.width - sign.length() - body.length());
    if (verb.zero) {
      return sign + "0".repeat(padding) + body;
    }
    if (verb.minus) {
      return sign + body + " ".repeat(padding);
    }
    return " ".repeat(padding) + sign + body;
  }

  /** cty's padding: measured in grapheme clusters; {@code 0} pads with zeros, {@code -} on the right. */
  private static String padWidth(Verb verb, String text) {
    if (verb.width < 0) {
      return text;
    }
    int length = graphemeCount(text);
    if (length >= verb.width) {
      return text;
    }
    String pads = (verb.zero ? "0" : " ").repeat(verb.width - length);
    return verb.minus ? text + pads : pads + text;
  }

  static int graphemeCount(String text) {
    BreakIterator it = BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
    it.setText(text);
    int count = 0;
    while (it.next() != BreakIterator.DONE) {
      count++;
    }
    return count;
  }

  private static String graphemePrefix(String text, int clusters) {
    BreakIterator it = BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
    it.setText(text);
    int end = it.next(clusters);
    return end == BreakIterator.DONE ? text : text.substring(0, end);
  }
}
