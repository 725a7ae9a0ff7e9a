package io.tglive.config;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code regex}, {@code regexall} and the {@code /.../} form of {@code replace}, with Go's RE2
 * syntax and semantics (re2j): linear-time matching, no backreferences or lookaround, Go's rules
 * for empty matches and for {@code $1}/{@code ${name}} in replacements.
 */
final class RegexFunctions {

  private RegexFunctions() {}

  static void register(FunctionTable t) {
    t.terraform("regex", c -> {
      c.expectArgs(2, 2);
      Pattern pattern = groups(c, compile(c, 0, c.string(0)));
      String s = c.string(1);
      Matcher m = pattern.matcher(s);
      if (!m.find()) {
        throw c.error("pattern did not match any part of the given string");
      }
      return result(pattern, m);
    });
    t.terraform("regexall", c -> {
      c.expectArgs(2, 2);
      Pattern pattern = groups(c, compile(c, 0, c.string(0)));
      String s = c.string(1);
      List<Value> all = new ArrayList<>();
      forEachMatch(pattern, s, m -> {
        all.add(result(pattern, m));
        EvaluationBudget.checkCollection(all.size());
      });
      return Value.list(all);
    });
  }

  /** Compiles an RE2 pattern, naming the argument on a syntax error. */
  static Pattern compile(Invocation c, int index, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw c.argumentError(index, "invalid regular expression: " + e.getMessage());
    }
  }

  /** regex and regexall return either a list or an object of groups, so they refuse a mix. */
  private static Pattern groups(Invocation c, Pattern pattern) {
    if (!pattern.namedGroups().isEmpty() && pattern.namedGroups().size() != pattern.groupCount()) {
      throw c.argumentError(0, "invalid regular expression: cannot mix both named and unnamed capture groups");
    }
    return pattern;
  }

  private static Value result(Pattern pattern, Matcher m) {
    if (pattern.groupCount() == 0) {
      return Value.string(m.group());
    }
    if (!pattern.namedGroups().isEmpty()) {
      Map<String, Value> named = new LinkedHashMap<>();
      pattern.namedGroups().forEach((name, group) -> named.put(name, group(m, group)));
      return Value.object(named);
    }
    List<Value> groups = new ArrayList<>();
    for (int i = 1; i <= pattern.groupCount(); i++) {
      groups.add(group(m, i));
    }
    return Value.list(groups);
  }

  private static Value group(Matcher m, int group) {
    String text = m.group(group);
    return text == null ? Value.NULL : Value.string(text);
  }

  /** Go's {@code allMatches}: an empty match right after the previous match is skipped. */
  private static void forEachMatch(Pattern pattern, String s, java.util.function.Consumer<Matcher> action) {
    Matcher m = pattern.matcher(s);
    int pos = 0;
    int prevEnd = -1;
    while (pos <= s.length() && m.find(pos)) {
      boolean accept = true;
      if (m.end() == pos) {
        if (m.start() == prevEnd) {
          accept = false;
        }
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m.end();
      }
      prevEnd = m.end();
      if (accept) {
        action.accept(m);
      }
    }
  }

  /** Go's {@code Regexp.ReplaceAllString}: {@code $1}, {@code ${1}}, {@code $name}, {@code $$}. */
  static String replaceAll(Invocation c, Pattern pattern, String s, String template) {
    StringBuilder out = new StringBuilder();
    Matcher m = pattern.matcher(s);
    int searchPos = 0;
    int lastEnd = 0;
    while (searchPos <= s.length() && m.find(searchPos)) {
      out.append(s, lastEnd, m.start());
      if (m.end() > lastEnd || m.start() == 0) {
        expand(pattern, m, template, out);
      }
      EvaluationBudget.checkString(out.length());
      lastEnd = m.end();
      int width = searchPos < s.length() ? Character.charCount(s.codePointAt(searchPos)) : 0;
      if (searchPos + width > m.end()) {
        searchPos += width;
      } else if (searchPos + 1 > m.end()) {
        searchPos++;
      } else {
        searchPos = m.end();
      }
    }
    out.append(s, lastEnd, s.length());
    EvaluationBudget.checkString(out.length());
    return out.toString();
  }

  private static void expand(Pattern pattern, Matcher m, String template, StringBuilder out) {
    int i = 0;
    while (i < template.length()) {
      char ch = template.charAt(i);
      if (ch != '$') {
        out.append(ch);
        i++;
        continue;
      }
      if (i + 1 < template.length() && template.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      int nameStart;
      int nameEnd;
      int next;
      if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
        nameStart = i + 2;
        nameEnd = nameStart;
        while (nameEnd < template.length() && isNameChar(template.charAt(nameEnd))) {
          nameEnd++;
        }
        if (nameEnd == nameStart || nameEnd >= template.length() || template.charAt(nameEnd) != '}') {
          out.append('$');
          i++;
          continue;
        }
        next = nameEnd + 1;
      } else {
        nameStart = i + 1;
        nameEnd = nameStart;
        while (nameEnd < template.length() && isNameChar(template.charAt(nameEnd))) {
          nameEnd++;
        }
        if (nameEnd == nameStart) {
          out.append('$');
          i++;
          continue;
        }
        next = nameEnd;
      }
      String name = template.substring(nameStart, nameEnd);
      out.append(groupText(pattern, m, name));
      i = next;
    }
  }

  private static String groupText(Pattern pattern, Matcher m, String name) {
    int number = -1;
    if (name.chars().allMatch(Character::isDigit) && name.length() <= 8 && !(name.length() > 1 && name.charAt(0) == '0')) {
      number = Integer.parseInt(name);
    }
    String text = null;
    if (number >= 0) {
      text = number <= pattern.groupCount() ? m.group(number) : null;
    } else if (pattern.namedGroups().containsKey(name)) {
      text = m.group(name);
    }
    return text == null ? "" : text;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }
}
