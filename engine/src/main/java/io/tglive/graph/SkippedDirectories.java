package io.tglive.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The directories discovery does not walk: Terragrunt's always-ignored {@code .git}, {@code
 * .terraform} and {@code .terragrunt-cache} ({@code util.SkipDirIfIgnorable}), and those the user
 * excludes. Other hidden directories are walked, as Terragrunt walks them unless run with {@code
 * --no-hidden} (exclude {@code .*} for that).
 *
 * <p>An exclusion without {@code /} is a pattern on a directory's name, where {@code *} matches
 * any run of characters and {@code ?} one character; one with {@code /} is a repository-relative
 * directory (leading {@code ./} and trailing {@code /} ignored), skipped with everything below it.
 */
public final class SkippedDirectories {

  /** What Terragrunt's discovery never walks. */
  public static final Set<String> ALWAYS = Set.of(".git", ".terraform", ".terragrunt-cache");

  private final List<String> namePatterns = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();

  private SkippedDirectories(List<String> exclusions) {
    for (String exclusion : exclusions) {
      String cleaned = exclusion.strip();
      while (cleaned.startsWith("./")) {
        cleaned = cleaned.substring(2);
      }
      while (cleaned.endsWith("/") && cleaned.length() > 1) {
        cleaned = cleaned.substring(0, cleaned.length() - 1);
      }
      if (cleaned.isEmpty() || cleaned.equals(".")) {
        throw new IllegalArgumentException("excluded directory \"" + exclusion + "\": names nothing to exclude");
      }
      (cleaned.contains("/") ? paths : namePatterns).add(cleaned);
    }
  }

  /** Terragrunt's skips and these exclusions; an exclusion that names nothing is an {@link IllegalArgumentException}. */
  public static SkippedDirectories of(List<String> exclusions) {
    return new SkippedDirectories(exclusions);
  }

  /** True when the walk does not enter the directory {@code name} whose repository-relative path is {@code relative}. */
  public boolean skips(String name, String relative) {
    if (ALWAYS.contains(name)) {
      return true;
    }
    for (String pattern : namePatterns) {
      if (matches(pattern, name)) {
        return true;
      }
    }
    return paths.contains(relative);
  }

  /**
   * True when a repository-relative file path lies in a directory the walk does not enter, so
   * discovery cannot see it.
   */
  public boolean hides(String relativeFile) {
    int from = 0;
    for (int slash = relativeFile.indexOf('/'); slash >= 0; slash = relativeFile.indexOf('/', from)) {
      if (skips(relativeFile.substring(from, slash), relativeFile.substring(0, slash))) {
        return true;
      }
      from = slash + 1;
    }
    return false;
  }

  /** True when {@code root}-relative {@code directory} is skipped. */
  boolean skips(Path root, Path directory) {
    String name = directory.getFileName().toString();
    if (paths.isEmpty()) {
      // Only path exclusions need the relative path; the walk asks for every entry it meets.
      return skips(name, null);
    }
    return skips(name, root.relativize(directory).toString().replace('\\', '/'));
  }

  /**
   * Glob match of {@code *} and {@code ?}, in time linear in the text for each star: after a
   * mismatch only the most recent star backtracks, which is enough since a star matches any run.
   */
  static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int resume = 0;
    while (t < text.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
