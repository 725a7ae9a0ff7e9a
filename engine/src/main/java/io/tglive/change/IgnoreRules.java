package io.tglive.change;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Globs of repository paths whose changes deploy nothing ({@code ignore} in {@code .tglive.yaml}).
 * {@code *} and {@code ?} stay within one path segment, {@code **} crosses segments, and a leading
 * {@code **}{@code /} also matches at the root, so {@code **}{@code /*.md} matches {@code README.md}.
 */
public final class IgnoreRules {

  private final List<Pattern> patterns;

  private IgnoreRules(List<Pattern> patterns) {
    this.patterns = patterns;
  }

  /** Rules from globs. */
  public static IgnoreRules of(List<String> globs) {
    return new IgnoreRules(globs.stream().map(IgnoreRules::compile).toList());
  }

  /** True if a repository-relative path matches a glob. */
  public boolean ignores(String path) {
    return patterns.stream().anyMatch(p -> p.matcher(path).matches());
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 3;
      } else if (glob.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return Pattern.compile(regex.toString());
  }
}
