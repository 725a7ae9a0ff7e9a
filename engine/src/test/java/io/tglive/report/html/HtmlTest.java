package io.tglive.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesTheFiveSpecialCharactersAndDropsControlCharacters() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>\u0000\u001b[31m")).isEqualTo(
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;[31m");
  }

  @Test
  void urlSegmentsPercentEncodeEveryByteOutsideTheUnreservedSet() {
    assertThat(Html.urlSegment("a__<b> \"c\"&d'%#?é.log")).isEqualTo(
        "a__%3Cb%3E%20%22c%22%26d%27%25%23%3F%C3%A9.log");
  }

  @Test
  void unitIdsAreStableAndDistinctForPathsThatDifferOnlyInPunctuation() {
    assertThat(Html.unitId("dev/vpc")).isEqualTo("unit-dev_2F_vpc");
    assertThat(Html.unitId("dev_vpc")).isEqualTo("unit-dev_5F_vpc");
    assertThat(Html.unitId("dev/vpc")).isNotEqualTo(Html.unitId("dev.vpc"));
    assertThat(Html.unitId("<x>")).matches("unit-[A-Za-z0-9_-]+");
  }

  @Test
  void longLabelsKeepTheirEnd() {
    assertThat(GraphSvg.label("short/path")).isEqualTo("short/path");
    assertThat(GraphSvg.label("")).isEqualTo("(root)");
    String label = GraphSvg.label("accounts/production/eu-central-1/networking/vpc");
    assertThat(label).startsWith("\u2026").endsWith("networking/vpc").hasSize(GraphSvg.LABEL_CHARS);
  }
}
