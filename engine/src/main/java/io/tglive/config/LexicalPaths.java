package io.tglive.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** Slash-separated path strings handled lexically the way Go's {@code path/filepath} does. */
final class LexicalPaths {

  private LexicalPaths() {}

  /** Go's {@code filepath.Clean}: no {@code .}, resolved {@code ..}, no trailing slash. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(part);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** Go's {@code filepath.Dir}: everything but the last element, cleaned. */
  static String dir(String path) {
    int slash = path.lastIndexOf('/');
    return clean(slash < 0 ? "" : path.substring(0, slash + 1));
  }

  /** Go's {@code filepath.Base}: the last element, ignoring trailing slashes. */
  static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    String trimmed = path;
    while (trimmed.length() > 1 && trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.equals("/")) {
      return "/";
    }
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** Go's {@code filepath.Rel} for two absolute paths: {@code .} when they are equal. */
  static String relative(Path from, Path to) {
    String rel = from.relativize(to).toString();
    return rel.isEmpty() ? "." : rel;
  }

  /** {@code path} resolved against {@code directory} when relative, then cleaned. */
  static Path resolve(Path directory, String path) {
    return directory.resolve(path).normalize();
  }
}
