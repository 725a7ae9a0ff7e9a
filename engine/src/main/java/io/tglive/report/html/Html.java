package io.tglive.report.html;

import java.nio.charset.StandardCharsets;

/** Escaping for text that comes from a repository or a run: HTML text and attributes, URL paths, element ids. */
final class Html {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Html() {}

  /** {@code value} as HTML text or a quoted attribute value: {@code & < > " '} escaped, control characters dropped. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 && c != 0x7f || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** A relative URL path segment naming {@code name}: every byte outside {@code A-Z a-z 0-9 - . _ ~} percent-encoded. */
  static String urlSegment(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * A stable, unique element id for a unit path: {@code unit-} followed by the path with every character outside
   * {@code A-Z a-z 0-9 -} written as {@code _} and its code point in hex, then {@code _}. {@code dev/vpc} gives
   * {@code unit-dev_2F_vpc}.
   */
  static String unitId(String path) {
    StringBuilder out = new StringBuilder("unit-");
    path.codePoints().forEach(c -> {
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
        out.appendCodePoint(c);
      } else {
        out.append('_').append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append('_');
      }
    });
    return out.toString();
  }
}
