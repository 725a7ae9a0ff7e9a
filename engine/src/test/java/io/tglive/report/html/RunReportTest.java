package io.tglive.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

  @TempDir Path dir;

  private SortedMap<String, UnitRecord> units;
  private String html;

  @BeforeEach
  void report() throws Exception {
    units = SampleRun.write(dir);
    Path file = RunReport.write(dir);
    assertThat(file).isEqualTo(dir.resolve("report.html"));
    html = Files.readString(file);
  }

  @Test
  void theSampleHasAUnitInEveryStatus() {
    assertThat(units.values().stream().map(UnitRecord::status).distinct()).containsExactlyInAnyOrder(
        UnitStatus.values());
  }

  @Test
  void everyUnitIsOneNodeOfTheGraphAndOneRowOfTheTableWithItsStatus() {
    for (UnitRecord unit : units.values()) {
      String key = StatusStyle.of(unit.status()).key();
      String attributes = "data-unit=\"" + Html.escape(unit.path()) + "\" data-status=\"" + key + "\"";
      assertThat(count(html, "<g class=\"node\" id=\"node-" + Html.unitId(unit.path()).substring(5) + "\" "
          + attributes)).as(unit.path()).isEqualTo(1);
      assertThat(count(html, "<tr id=\"" + Html.unitId(unit.path()) + "\" " + attributes + ">")).as(unit.path())
          .isEqualTo(1);
      assertThat(html).contains("<span class=\"badge st-" + key + "\">" + unit.status().label() + "</span>");
    }
  }

  @Test
  void hostileNamesReasonsAndMessagesAreEscapedEverywhere() {
    assertThat(count(html, "<script")).as("only the report's own script").isEqualTo(1);
    assertThat(html).doesNotContain("<img", "<b>bold", "<i>not", "<test>", "<co>", "<b@x>", "&amp;<");
    assertThat(html).contains("live/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;");
    assertThat(html).contains(Html.escape(SampleRun.HOSTILE_MESSAGE));
    assertThat(html).contains("rejected by bob &lt;b@x&gt;: " + Html.escape(SampleRun.HOSTILE_REASON));
    assertThat(html).contains("blocked by " + Html.escape(SampleRun.HOSTILE));
    assertThat(html).contains("live/child&amp;amp;&lt;b&gt;bold&lt;/b&gt;");
    assertThat(html).contains("null_resource.n[&quot;&lt;k&gt;&quot;]");
  }

  @Test
  void eachNodeIsFilledAndOutlinedWithItsStatusColourAndTheLegendCountsEveryStatus() {
    Pattern node = Pattern.compile(
        "<g class=\"node\" [^>]*data-unit=\"([^\"]*)\" data-status=\"([a-z-]+)\"><title>[^<]*</title>"
            + "<rect [^>]*fill=\"(#[0-9a-f]{6})\" stroke=\"(#[0-9a-f]{6})\"/>");
    Matcher m = node.matcher(html);
    int nodes = 0;
    while (m.find()) {
      nodes++;
      StatusStyle style = StatusStyle.valueOf(m.group(2).toUpperCase().replace('-', '_'));
      assertThat(m.group(3)).as(m.group(1)).isEqualTo(style.fill());
      assertThat(m.group(4)).as(m.group(1)).isEqualTo(style.stroke());
    }
    assertThat(nodes).isEqualTo(units.size());
    for (StatusStyle style : StatusStyle.values()) {
      long expected = units.values().stream().filter(u -> u.status() == style.status()).count();
      assertThat(html).contains("data-status=\"" + style.key() + "\" data-count=\"" + expected + "\"");
      assertThat(html).contains(".st-" + style.key() + "{background:" + style.fill() + ";border-color:"
          + style.stroke() + "}");
    }
  }

  @Test
  void logLinksAreRelativePercentEncodedPathsOfTheUnitsLogFiles() {
    Matcher m = Pattern.compile("<tr id=\"[^\"]+\" data-unit=\"([^\"]*)\"[^>]*>.*?<td class=\"log\">(.*?)</td></tr>")
        .matcher(html);
    int links = 0;
    int rows = 0;
    while (m.find()) {
      rows++;
      String unit = unescape(m.group(1));
      Matcher link = Pattern.compile("<a href=\"(logs/[^\"]+)\">log</a>").matcher(m.group(2));
      if (link.matches()) {
        links++;
        assertThat(link.group(1)).matches("logs/[A-Za-z0-9%._~-]+");
        Path target = dir.resolve(URLDecoder.decode(link.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
        assertThat(target).as(unit).isEqualTo(new UnitLogs(dir.resolve("logs")).file(unit)).isRegularFile();
      } else {
        assertThat(m.group(2)).as(unit).isEqualTo("<span class=\"muted\">no log</span>");
        assertThat(new UnitLogs(dir.resolve("logs")).file(unit)).doesNotExist();
      }
    }
    assertThat(rows).isEqualTo(units.size());
    assertThat(links).isEqualTo(5);
  }

  @Test
  void theHeaderNamesTheRepositoryRevisionsAndAnOpenOutcome() {
    assertThat(html).contains("<td id=\"run-repository\">/repos/live &amp; &lt;co&gt;</td>");
    assertThat(html).contains("<td id=\"run-base\">main <code>" + "b".repeat(40) + "</code></td>");
    assertThat(html).contains("<td id=\"run-head\">feature/x <code>" + "c".repeat(40) + "</code></td>");
    assertThat(html).contains("<span id=\"outcome\" class=\"outcome oc-open\">not ended</span>");
    assertThat(html).contains("<td id=\"run-ended\">\u2014</td>");
  }

  @Test
  void theTableShowsPlanCountsAddressesProvidersGateAndAction() {
    String app = rowOf("app");
    assertThat(app).contains("+1 ~1 \u22120 \u00b10", "create terraform_data.this",
        "registry.opentofu.org/hashicorp/null", "approved by alice: looks right", "apply</td>");
    assertThat(rowOf("net")).contains("<td class=\"gate\"><span class=\"muted\">no gate</span>");
    assertThat(rowOf("waiting")).contains("needs 1 of alice, bob");
    assertThat(rowOf("db")).contains("<td class=\"plan\">no changes</td>");
    assertThat(rowOf("old/queue")).contains("<td class=\"action\">destroy</td>", "not started");
    assertThat(app).contains("<code title=\"" + units.get("app").plan().hash() + "\">"
        + units.get("app").plan().hash().substring(0, 12) + "</code><br><span class=\"muted\">applied</span>");
  }

  @Test
  void theReportLoadsNothingAndAllowsOnlyItsOwnInlineStyleAndScript() {
    assertThat(html).doesNotContain("http:", "https:", "<link", "@import").doesNotContainPattern("<[^>]*\\ssrc=");
    assertThat(html.replace("url(#arrow)", "")).doesNotContain("url(");
    assertThat(html).containsPattern(
        "Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; "
            + "script-src 'sha256-[A-Za-z0-9+/=]+';");
  }

  @Test
  void anEndedRunShowsItsOutcomeAndDuration() throws Exception {
    Path other = dir.resolve("other");
    RunHeader header = new RunHeader("r2", "/repo", "main", "main", "main", "main",
        List.of(new RunUnit("a", false, null, List.of(), 0, List.of(), 0, 1)));
    try (RunLedger ledger = RunLedger.create(other, header)) {
      ledger.record(RunEvent.of(EventType.PLANNING, "a"));
      ledger.record(RunEvent.of(EventType.NO_CHANGES, "a"));
      ledger.record(RunEvent.of(EventType.RUN_ENDED, null).withOutcome("succeeded"));
    }
    String ended = Files.readString(RunReport.write(other));
    assertThat(ended).contains("<span id=\"outcome\" class=\"outcome oc-succeeded\">succeeded</span>");
    assertThat(ended).containsPattern("<td id=\"run-ended\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC "
        + "\\(\\d+\\.\\d s\\)</td>");
    assertThat(ended).contains("<td id=\"run-base\">main</td>");
  }

  @Test
  void aDirectoryWithoutARunIsAnErrorNamingIt() {
    assertThatThrownBy(() -> RunReport.write(dir.resolve("nothing")))
        .hasMessage(dir.resolve("nothing") + ": not a run directory (no journal.jsonl starting with the run)");
  }

  private String rowOf(String unit) {
    int start = html.indexOf("<tr id=\"" + Html.unitId(unit) + "\"");
    assertThat(start).as(unit).isNotNegative();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
