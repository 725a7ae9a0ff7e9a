package io.tglive.stack;

import io.tglive.repo.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of changed files as a CI system or a person writes it, normalised the same way for every
 * front end: entries may hold several lines (LF or CRLF), surrounding blanks and blank lines are
 * dropped, {@code ./} prefixes and {@code \} separators are removed, duplicates are kept once.
 * Absolute paths and {@code ..} segments are errors: the list names files of the repository.
 */
public final class ChangedFileList {

  /** The largest changed-files file read. */
  public static final int MAX_BYTES = 64 << 20;

  private ChangedFileList() {}

  /**
   * The repository-relative paths of the entries.
   *
   * @param source names the list in errors, such as {@code changedFiles} or a file name
   * @throws StackException naming the source and line of an absolute path or a {@code ..} segment
   */
  public static List<String> normalize(String source, List<String> entries) throws StackException {
    Set<String> paths = new LinkedHashSet<>();
    int line = 0;
    for (String entry : entries) {
      for (String raw : (entry == null ? "" : entry).split("\r?\n|\r", -1)) {
        line++;
        String path = raw.strip().replace('\\', '/');
        while (path.contains("//")) {
          path = path.replace("//", "/");
        }
        while (path.startsWith("./")) {
          path = path.substring(2);
        }
        if (path.isEmpty() || path.equals(".")) {
          continue;
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:/.*")) {
          throw new StackException(source + ":" + line + ": '" + raw.strip() + "' is absolute; changed files are"
              + " relative to the repository root");
        }
        if (List.of(path.split("/")).contains("..")) {
          throw new StackException(source + ":" + line + ": '" + raw.strip() + "' leaves the repository (a '..' segment)");
        }
        paths.add(path);
      }
    }
    return List.copyOf(paths);
  }

  /** The normalised entries of a file of changed paths, one per line, which must be UTF-8. */
  public static List<String> read(Path file) throws StackException {
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        throw new StackException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new StackException(file + ": larger than " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new StackException(file + ": no such file");
    } catch (IOException e) {
      throw new StackException(file + ": cannot read: " + e.getMessage());
    }
    try {
      return normalize(file.toString(), List.of(Utf8.decode(bytes)));
    } catch (Utf8.NotUtf8Exception e) {
      throw new StackException(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
    }
  }
}
