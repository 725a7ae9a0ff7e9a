package io.tglive.graph;

import java.nio.file.Path;

/** Repository-relative path strings as the graph uses them: {@code /} separators, {@code .} for the root. */
public final class RepoPaths {

  private RepoPaths() {}

  /** The path of {@code path} relative to {@code root}; outside the root it starts with {@code ../}. */
  public static String relative(Path root, Path path) {
    Path relative = root.relativize(path.normalize());
    String text = relative.toString();
    if (text.isEmpty()) {
      return ".";
    }
    return relative.getFileSystem().getSeparator().equals("/") ? text : text.replace('\\', '/');
  }
}
