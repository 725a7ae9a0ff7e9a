package io.tglive.approval.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NoticeTextTest {

  private static GateNotice notice(String unit, List<String> changes, Optional<URI> page) {
    return new GateNotice("run-1", unit, Optional.empty(), "PR #7", "abc", Notices.plan(changes), List.of("alice"), page);
  }

  @Test
  void controlCharactersCannotAddAHeaderOrALine() {
    NoticeText text = new NoticeText(notice("live/x\r\nBcc: eve@example.com", List.of("create a.b\nFAKE LINE"),
        Optional.empty()));

    assertThat(text.subject()).isEqualTo("Approval needed: live/x\\r\\nBcc: eve@example.com, PR #7")
        .doesNotContain("\n");
    assertThat(text.plain()).contains("  create a.b\\nFAKE LINE\n").doesNotContain("\nFAKE LINE");
  }

  @Test
  void htmlEscapesEveryValue() {
    NoticeText text = new NoticeText(notice("live/<script>alert(1)</script>", List.of("create a[\"<b>&\"]"),
        Optional.of(URI.create("https://ci.example.com/job/a/1/gates?x=1&y=2"))));

    assertThat(text.html())
        .doesNotContain("<script>")
        .contains("live/&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("<code>create a[&quot;&lt;b&gt;&amp;&quot;]</code>")
        .contains("<a href=\"https://ci.example.com/job/a/1/gates?x=1&amp;y=2\">");
  }

  @Test
  void longPlansListTheFirstFiftyChangesAndCountTheRest() {
    List<String> changes = IntStream.range(0, 120).mapToObj(i -> "create r.n" + i).toList();

    List<String> listed = new NoticeText(notice("live/x", changes, Optional.empty())).changes();

    assertThat(listed).hasSize(51).startsWith("create r.n0").endsWith("… and 70 more");
  }

  @Test
  void withoutAPageTheTextSaysHowToVoteFromTheCommandLine() {
    assertThat(new NoticeText(notice("live/x", List.of(), Optional.empty())).plain())
        .contains("Account:   (none)")
        .contains("  (no resource changes)")
        .endsWith("Vote with: tglive approve --run run-1 --unit live/x --as YOU [--reject] [--comment TEXT]\n");
  }

  @Test
  void slackMarkupCharactersAreEscapedInTheWebhookText() {
    assertThat(WebhookChannel.payload(notice("live/a&b<c>", List.of(), Optional.empty())).get("text").asText())
        .startsWith("Approval needed: live/a&amp;b&lt;c&gt;, PR #7");
  }
}
