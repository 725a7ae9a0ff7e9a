package io.tglive.policy;

import java.util.ArrayList;
import java.util.List;

/** Repository-relative paths as accounts use them: '/' separated segments. */
final class RepoPaths {

  private RepoPaths() {}

  /**
   * Trims, drops empty and "." segments and the trailing slash; keeps a leading '/' and ".." so
   * that validation can reject them.
   */
  static String normalize(String path) {
    if (path == null) {
      return "";
    }
    String trimmed = path.strip();
    String body = String.join("/", segments(trimmed));
    return trimmed.startsWith("/") ? "/" + body : body;
  }

  /** The non-empty segments of a path, "." segments dropped. */
  static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** Whether {@code prefix} is {@code path} or one of its ancestors, compared segment by segment. */
  static boolean isPrefix(List<String> prefix, List<String> path) {
    return prefix.size() <= path.size() && path.subList(0, prefix.size()).equals(prefix);
  }
}
