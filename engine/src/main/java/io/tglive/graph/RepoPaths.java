package io.tglive.graph;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repository-relative path strings as the graph uses them: {@code /} separators, {@code .} for the
 * root, {@code ../} outside it. An instance remembers the strings it made, so every unit reading
 * a shared file such as {@code root.hcl} holds the same string; it is thread-safe.
 */
public final class RepoPaths {

  private final Path root;
  private final String prefix;
  private final Map<Path, String> made = new ConcurrentHashMap<>();

  /** Relativizes against this root, which must be absolute and normalized. */
  public RepoPaths(Path root) {
    this.root = root;
    String text = root.toString();
    this.prefix = text.endsWith(root.getFileSystem().getSeparator()) ? text : text + root.getFileSystem().getSeparator();
  }

  /** The path of {@code path} relative to {@code root}, which must be absolute and normalized. */
  public static String relative(Path root, Path path) {
    return new RepoPaths(root).relative(path);
  }

  /** The path of a normalized absolute {@code path} relative to the root. */
  public String relative(Path path) {
    String known = made.get(path);
    if (known == null) {
      known = compute(path);
      made.putIfAbsent(path, known);
    }
    return known;
  }

  private String compute(Path path) {
    String text = path.toString();
    String relative;
    if (text.startsWith(prefix)) {
      relative = text.substring(prefix.length());
    } else {
      relative = root.relativize(path.normalize()).toString();
    }
    if (relative.isEmpty()) {
      return ".";
    }
    return root.getFileSystem().getSeparator().equals("/") ? relative : relative.replace('\\', '/');
  }
}
