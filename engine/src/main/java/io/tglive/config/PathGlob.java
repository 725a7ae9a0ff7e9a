package io.tglive.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A {@code /}-separated glob as {@code fileset} and {@code mark_glob_as_read} take it: {@code *}
 * and {@code ?} within one path element, {@code **} across elements, {@code [...]} classes and
 * {@code {a,b}} alternatives. Matched in linear time (a compiled regular expression without
 * back-references over a bounded path).
 *
 * @param base the longest leading directory of the glob without any wildcard
 * @param pattern the glob relative to {@code base}
 */
record PathGlob(Path base, String pattern, Pattern regex) {

  /** The glob {@code glob}, relative to {@code directory} unless absolute. */
  static PathGlob of(Path directory, String glob) {
    String absolute = glob.startsWith("/") ? glob : directory.toString().replace('\\', '/') + "/" + glob;
    String[] elements = absolute.split("/", -1);
    StringBuilder base = new StringBuilder();
    int first = 0;
    for (; first < elements.length - 1; first++) {
      if (hasWildcard(elements[first])) {
        break;
      }
      base.append(elements[first]).append('/');
    }
    String rest = String.join("/", java.util.Arrays.copyOfRange(elements, first, elements.length));
    Path basePath = LexicalPaths.resolve(directory, base.length() == 0 ? "." : base.toString());
    return new PathGlob(basePath, rest, Pattern.compile(regex(rest)));
  }

  /** True if the {@code /}-separated path, relative to {@link #base}, matches. */
  boolean matches(String relative) {
    return regex.matcher(relative).matches();
  }

  /** True if {@code element} holds a wildcard character. */
  static boolean hasWildcard(String element) {
    for (int i = 0; i < element.length(); i++) {
      if ("*?[{\\".indexOf(element.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String regex(String glob) {
    StringBuilder out = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char ch = glob.charAt(i);
      switch (ch) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
              i++;
              out.append("(?:[^/]*/)*");
            } else {
              out.append(".*");
            }
          } else {
            out.append("[^/]*");
          }
        }
        case '?' -> out.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            out.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            if (body.startsWith("!") || body.startsWith("^")) {
              body = "^" + body.substring(1);
            }
            out.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = end;
          }
        }
        case '{' -> {
          braces++;
          out.append("(?:");
        }
        case '}' -> {
          if (braces > 0) {
            braces--;
            out.append(')');
          } else {
            out.append("\\}");
          }
        }
        case ',' -> out.append(braces > 0 ? "|" : ",");
        case '\\' -> {
          if (i + 1 < glob.length()) {
            out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          } else {
            out.append("\\\\");
          }
        }
        default -> out.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    while (braces-- > 0) {
      out.append(')');
    }
    return out.toString();
  }
}
