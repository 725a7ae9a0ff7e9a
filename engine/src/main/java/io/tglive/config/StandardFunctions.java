package io.tglive.config;

import io.tglive.config.Value.NullValue;
import io.tglive.config.Value.NumberValue;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Terraform's context-free built-in string and conversion functions, with cty's semantics; the other
 * families are registered from here ({@link CollectionFunctions}, {@link NumericFunctions}, {@link
 * EncodingFunctions}, {@link NetworkFunctions}, {@link RegexFunctions}, {@link FormatFunctions}).
 */
final class StandardFunctions {

  private StandardFunctions() {}

  static void register(FunctionTable table) {
    registerStrings(table);
    registerConversions(table);
    FormatFunctions.register(table);
    RegexFunctions.register(table);
    CollectionFunctions.register(table);
    NumericFunctions.register(table);
    EncodingFunctions.register(table);
    NetworkFunctions.register(table);
  }

  private static void registerStrings(FunctionTable t) {
    // Go maps case rune by rune (simple case mapping): upper("straße") is "STRAßE", lower("İ") is "i".
    t.terraform("lower", c -> Value.string(mapCodePoints(oneString(c), Character::toLowerCase)));
    t.terraform("upper", c -> Value.string(mapCodePoints(oneString(c), Character::toUpperCase)));
    t.terraform("title", c -> Value.string(title(oneString(c))));
    t.terraform("strrev", c -> Value.string(reverseGraphemes(oneString(c))));
    t.terraform("trimspace", c -> Value.string(trimSpace(oneString(c))));
    t.terraform("chomp", c -> {
      String s = oneString(c);
      int end = s.length();
      while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
        end--;
      }
      return Value.string(s.substring(0, end));
    });
    t.terraform("trim", c -> {
      c.expectArgs(2, 2);
      String s = c.string(0);
      String cutset = c.string(1);
      int start = 0;
      int end = s.length();
      while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
        start += Character.charCount(s.codePointAt(start));
      }
      while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
        end -= Character.charCount(s.codePointBefore(end));
      }
      return Value.string(s.substring(start, end));
    });
    t.terraform("trimprefix", c -> {
      c.expectArgs(2, 2);
      String s = c.string(0);
      String prefix = c.string(1);
      return Value.string(s.startsWith(prefix) ? s.substring(prefix.length()) : s);
    });
    t.terraform("trimsuffix", c -> {
      c.expectArgs(2, 2);
      String s = c.string(0);
      String suffix = c.string(1);
      return Value.string(s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s);
    });
    t.terraform("startswith", c -> {
      c.expectArgs(2, 2);
      return Value.bool(c.string(0).startsWith(c.string(1)));
    });
    t.terraform("endswith", c -> {
      c.expectArgs(2, 2);
      return Value.bool(c.string(0).endsWith(c.string(1)));
    });
    t.terraform("strcontains", c -> {
      c.expectArgs(2, 2);
      return Value.bool(c.string(0).contains(c.string(1)));
    });
    t.terraform("substr", StandardFunctions::substr);
    t.terraform("indent", c -> {
      c.expectArgs(2, 2);
      int spaces = NumericFunctions.integer(c, 0);
      EvaluationBudget.checkString(spaces);
      String pad = " ".repeat(Math.max(spaces, 0));
      String s = c.string(1);
      long lines = s.chars().filter(ch -> ch == '\n').count();
      EvaluationBudget.checkString(s.length() + lines * pad.length());
      return Value.string(s.replace("\n", "\n" + pad));
    });
    t.terraform("replace", StandardFunctions::replace);
    t.terraform("split", c -> {
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
      EvaluationBudget.checkCollection(parts.size());
      return Value.list(parts);
    });
    t.terraform("join", c -> {
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
          EvaluationBudget.checkString(out.length());
        }
      }
      return Value.string(out.toString());
    });
    t.terraform("dirname", c -> Value.string(LexicalPaths.dir(oneString(c))));
    t.terraform("basename", c -> Value.string(LexicalPaths.base(oneString(c))));
  }

  private static void registerConversions(FunctionTable t) {
    t.terraform("tostring", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : Value.string(c.string(0));
    });
    t.terraform("tonumber", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : new NumberValue(c.number(0));
    });
    t.terraform("tobool", c -> {
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
    t.terraformLenient("tomap", c -> {
      c.expectArgs(1, 1);
      return c.arg(0) instanceof NullValue ? Value.NULL : Value.object(c.attributes(0));
    });
  }

  private static String mapCodePoints(String s, java.util.function.IntUnaryOperator map) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(map.applyAsInt(cp)));
    return out.toString();
  }

  static String oneString(Invocation c) {
    c.expectArgs(1, 1);
    return c.string(0);
  }

  /** Go's {@code strings.TrimSpace}: Unicode white space at both ends. */
  private static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isGoSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(int cp) {
    return cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r' || cp == ' '
        || cp == 0x85 || cp == 0xA0 || Character.isSpaceChar(cp);
  }

  /** cty's {@code title}: the first letter of every word upper-cased (Go's {@code strings.Title}). */
  private static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      out.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean isSeparator(int cp) {
    if (cp <= 0x7F) {
      return !(cp >= '0' && cp <= '9' || cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp == '_');
    }
    if (Character.isLetterOrDigit(cp)) {
      return false;
    }
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static String reverseGraphemes(String s) {
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(s);
    StringBuilder out = new StringBuilder(s.length());
    int end = it.last();
    for (int start = it.previous(); start != BreakIterator.DONE; end = start, start = it.previous()) {
      out.append(s, start, end);
    }
    return out.toString();
  }

  /** cty's {@code substr}: offset and length in grapheme clusters; a negative offset counts from the end. */
  private static Value substr(Invocation c) {
    c.expectArgs(3, 3);
    String s = c.string(0);
    int offset = NumericFunctions.integer(c, 1);
    int length = NumericFunctions.integer(c, 2);
    List<Integer> bounds = new ArrayList<>();
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(s);
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      bounds.add(b);
    }
    int clusters = bounds.size() - 1;
    if (offset < 0) {
      offset += clusters;
    } else if (length == 0) {
      return Value.string("");
    }
    if (offset >= clusters && offset > 0) {
      return Value.string("");
    }
    int from = Math.max(offset, 0);
    int to = length <= 0 ? clusters : Math.min(clusters, from + length);
    return Value.string(s.substring(bounds.get(from), bounds.get(Math.max(to, from))));
  }

  private static Value replace(Invocation c) {
    c.expectArgs(3, 3);
    String s = c.string(0);
    String search = c.string(1);
    String replacement = c.string(2);
    if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
      return Value.string(RegexFunctions.replaceAll(
          c, RegexFunctions.compile(c, 1, search.substring(1, search.length() - 1)), s, replacement));
    }
    if (search.isEmpty()) {
      // Go's strings.Replace with an empty old string inserts the replacement around every rune.
      long runes = s.codePointCount(0, s.length());
      EvaluationBudget.checkString(s.length() + (runes + 1) * replacement.length());
      StringBuilder out = new StringBuilder(replacement);
      s.codePoints().forEach(cp -> out.appendCodePoint(cp).append(replacement));
      return Value.string(out.toString());
    }
    long occurrences = 0;
    for (int at = s.indexOf(search); at >= 0; at = s.indexOf(search, at + search.length())) {
      occurrences++;
    }
    EvaluationBudget.checkString(s.length() + occurrences * (replacement.length() - (long) search.length()));
    return Value.string(s.replace(search, replacement));
  }
}
