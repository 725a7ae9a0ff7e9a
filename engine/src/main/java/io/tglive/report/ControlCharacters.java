package io.tglive.report;

/**
 * Makes text from file names and configurations safe to print on one line of a terminal: control
 * characters (C0, DEL, C1) become visible escapes, so a file name cannot split a message line or
 * send a terminal escape sequence.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** The text with {@code \n}, {@code \r}, {@code \t} and other control characters escaped as in Java source. */
  public static String escape(String text) {
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (isControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * Each line of a message of several lines escaped on its own: the line breaks stay, every other
   * control character is escaped.
   */
  public static String escapeLines(String text) {
    if (firstControl(text) < 0) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = escape(lines[i]);
    }
    return String.join("\n", lines);
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }
}
