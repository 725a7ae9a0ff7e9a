package io.tglive.change;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Globs of repository paths whose changes deploy nothing ({@code ignore} in {@code .tglive.yaml}).
 * {@code *} and {@code ?} stay within one path segment, {@code **} crosses segments, and
 * {@code **}{@code /} matches zero or more whole leading segments, so {@code **}{@code /*.md}
 * matches {@code README.md}. Every other character matches itself.
 *
 * <p>Matching simulates the glob's automaton over the set of its live states, never backtracking:
 * it takes at most (glob tokens + 1) steps per character of the path, so a glob such as
 * {@code **}{@code /**}{@code /**}{@code /*a} costs linear time on any path.
 */
public final class IgnoreRules {

  /** One element of a compiled glob. */
  private enum Kind { LITERAL, ONE, STAR, ANY, ANY_DIRS }

  private record Token(Kind kind, char literal) {}

  private final List<List<Token>> globs;

  private IgnoreRules(List<List<Token>> globs) {
    this.globs = globs;
  }

  /** Rules from globs. */
  public static IgnoreRules of(List<String> globs) {
    return new IgnoreRules(globs.stream().map(IgnoreRules::compile).toList());
  }

  /** True if a repository-relative path matches a glob. */
  public boolean ignores(String path) {
    return globs.stream().anyMatch(glob -> match(glob, path, new long[1]));
  }

  /** How many automaton steps matching {@code path} against every glob takes; a measure of the cost of {@link #ignores}. */
  long steps(String path) {
    long[] steps = new long[1];
    globs.forEach(glob -> match(glob, path, steps));
    return steps[0];
  }

  private static List<Token> compile(String glob) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < glob.length()) {
      if (glob.startsWith("**/", i)) {
        tokens.add(new Token(Kind.ANY_DIRS, '/'));
        i += 3;
      } else if (glob.startsWith("**", i)) {
        tokens.add(new Token(Kind.ANY, '*'));
        i += 2;
      } else if (glob.charAt(i) == '*') {
        tokens.add(new Token(Kind.STAR, '*'));
        i++;
      } else if (glob.charAt(i) == '?') {
        tokens.add(new Token(Kind.ONE, '?'));
        i++;
      } else {
        tokens.add(new Token(Kind.LITERAL, glob.charAt(i)));
        i++;
      }
    }
    return List.copyOf(tokens);
  }

  /**
   * State {@code i} means "the first {@code i} tokens matched the path so far". STAR and ANY may
   * match nothing (a free move to {@code i + 1}) or consume a character and stay. ANY_DIRS stands
   * for {@code (.*\/)?}: it may match nothing only before it consumed anything, so once it consumes
   * a character it is "inside" ({@code inside[i]}) and moves on only by consuming a '/'.
   */
  private static boolean match(List<Token> glob, String path, long[] steps) {
    int size = glob.size();
    boolean[] current = new boolean[size + 1];
    boolean[] inside = new boolean[size + 1];
    boolean[] next = new boolean[size + 1];
    boolean[] nextInside = new boolean[size + 1];
    current[0] = true;
    closeOverEmptyMatches(glob, current);
    for (int p = 0; p < path.length(); p++) {
      char c = path.charAt(p);
      Arrays.fill(next, false);
      Arrays.fill(nextInside, false);
      for (int i = 0; i < size; i++) {
        steps[0]++;
        if (!current[i] && !inside[i]) {
          continue;
        }
        Token token = glob.get(i);
        switch (token.kind()) {
          case LITERAL -> next[i + 1] |= c == token.literal();
          case ONE -> next[i + 1] |= c != '/';
          case STAR -> next[i] |= c != '/';
          case ANY -> next[i] = true;
          case ANY_DIRS -> {
            nextInside[i] = true;
            next[i + 1] |= c == '/';
          }
        }
      }
      closeOverEmptyMatches(glob, next);
      if (!any(next) && !any(nextInside)) {
        return false;
      }
      boolean[] swap = current;
      current = next;
      next = swap;
      swap = inside;
      inside = nextInside;
      nextInside = swap;
    }
    return current[size];
  }

  private static boolean any(boolean[] states) {
    for (boolean state : states) {
      if (state) {
        return true;
      }
    }
    return false;
  }

  private static void closeOverEmptyMatches(List<Token> glob, boolean[] states) {
    for (int i = 0; i < glob.size(); i++) {
      if (states[i] && glob.get(i).kind() != Kind.LITERAL && glob.get(i).kind() != Kind.ONE) {
        states[i + 1] = true;
      }
    }
  }
}
