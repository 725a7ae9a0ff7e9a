package io.tglive.graph.render;

/**
 * A DOT quoted string: {@code "} and {@code \} escaped with a backslash, line breaks as {@code \n}
 * and {@code \r}, so any unit path stays one well-formed node id. Paths without those characters
 * come out as Terragrunt prints them.
 */
public final class DotText {

  private DotText() {}

  /** {@code text} between double quotes, escaped. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
