package io.tglive.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

  private static boolean ignores(String glob, String path) {
    return IgnoreRules.of(List.of(glob)).ignores(path);
  }

  @Test
  void leadingDoubleStarSlashAlsoMatchesAtTheRoot() {
    assertThat(ignores("**/*.md", "README.md")).isTrue();
    assertThat(ignores("**/*.md", "live/dev/vpc/NOTES.md")).isTrue();
    assertThat(ignores("**/*.md", "live/dev/vpc/terragrunt.hcl")).isFalse();
  }

  @Test
  void singleStarAndQuestionMarkStayWithinOneSegment() {
    assertThat(ignores("docs/*.txt", "docs/a.txt")).isTrue();
    assertThat(ignores("docs/*.txt", "docs/sub/a.txt")).isFalse();
    assertThat(ignores("live/?/x", "live/a/x")).isTrue();
    assertThat(ignores("live/?/x", "live//x")).isFalse();
    assertThat(ignores("live/?x", "live/a/x")).isFalse();
  }

  @Test
  void trailingDoubleStarCrossesSegments() {
    assertThat(ignores("docs/**", "docs/a/b/c.png")).isTrue();
    assertThat(ignores("docs/**", "live/docs/a")).isFalse();
  }

  @Test
  void doubleStarSlashInTheMiddleMatchesZeroOrMoreDirectories() {
    assertThat(ignores("live/**/README", "live/README")).isTrue();
    assertThat(ignores("live/**/README", "live/a/b/README")).isTrue();
    assertThat(ignores("live/**/README", "live/aREADME")).isFalse();
  }

  @Test
  void otherCharactersAreLiteralNotRegularExpressions() {
    assertThat(ignores("a.b+(c)", "a.b+(c)")).isTrue();
    assertThat(ignores("a.b", "axb")).isFalse();
  }

  @Test
  void thePathMustMatchTheWholeGlob() {
    assertThat(ignores("*.md", "a.md.bak")).isFalse();
    assertThat(ignores("*.md", "a.m")).isFalse();
  }

  @Test
  void aPathologicalGlobCostsAtMostOneStepPerGlobTokenAndPathCharacter() {
    String glob = "**/**/**/**/**/**/**/*a";
    String path = "a/".repeat(5_000) + "b";
    IgnoreRules rules = IgnoreRules.of(List.of(glob));
    int tokens = 9; // seven "**/", "*" and "a"

    assertThat(rules.ignores(path)).isFalse();
    assertThat(rules.steps(path)).isLessThanOrEqualTo((long) tokens * path.length());
    assertThat(rules.ignores(path.substring(0, path.length() - 1) + "xa")).isTrue();
  }
}
