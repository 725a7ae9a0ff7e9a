package io.tglive.approval.notify;

import io.tglive.report.ControlCharacters;
import io.tglive.run.terragrunt.PlanSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * What a gate notice says, as an email subject, plain text and HTML. Every value from the
 * repository or the plan is escaped: control characters everywhere (so no value can add a header
 * or a line), and HTML markup in the HTML body.
 */
public final class NoticeText {

  /** Changed addresses listed at most; the rest are counted. */
  static final int MAX_CHANGES = 50;

  private final GateNotice notice;

  public NoticeText(GateNotice notice) {
    this.notice = notice;
  }

  /** {@code Approval needed: live/prod/vpc (prod), PR #12}. */
  public String subject() {
    return "Approval needed: " + line(notice.unit()) + notice.account().map(a -> " (" + line(a) + ")").orElse("")
        + ", " + line(notice.change());
  }

  /** The message as plain text, one fact a line. */
  public String plain() {
    StringBuilder text = new StringBuilder("A deployment waits for your approval.\n\n");
    for (String[] fact : facts()) {
      text.append(String.format("%-10s %s%n", fact[0] + ":", fact[1]));
    }
    text.append("\nChanges:\n");
    changes().forEach(change -> text.append("  ").append(change).append('\n'));
    text.append('\n').append(voteHint()).append('\n');
    return text.toString().replace("\r\n", "\n");
  }

  /** The same as a small HTML document, every value escaped. */
  public String html() {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n<p>A deployment waits for your approval.</p>\n<table>\n");
    for (String[] fact : facts()) {
      html.append("<tr><th align=\"left\">").append(escape(fact[0])).append("</th><td>")
          .append(escape(fact[1])).append("</td></tr>\n");
    }
    html.append("</table>\n<p>Changes:</p>\n<ul>\n");
    changes().forEach(change -> html.append("<li><code>").append(escape(change)).append("</code></li>\n"));
    html.append("</ul>\n<p>");
    if (notice.approvalPage().isPresent()) {
      String page = escape(notice.approvalPage().get().toString());
      html.append("<a href=\"").append(page).append("\">Approve or reject</a> (").append(page).append(')');
    } else {
      html.append(escape(voteHint()));
    }
    return html.append("</p>\n</body></html>\n").toString();
  }

  /** Label and value of each fact, values escaped for one line. */
  List<String[]> facts() {
    PlanSummary plan = notice.plan();
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Unit", line(notice.unit())});
    facts.add(new String[] {"Account", notice.account().map(NoticeText::line).orElse("(none)")});
    facts.add(new String[] {"Change", line(notice.change())});
    facts.add(new String[] {"Commit", line(notice.commit())});
    facts.add(new String[] {"Run", line(notice.runId())});
    facts.add(new String[] {"Plan", plan.counts()});
    facts.add(new String[] {"Plan hash", line(plan.hash())});
    if (!plan.providersAdded().isEmpty()) {
      facts.add(new String[] {"New providers", line(String.join(", ", plan.providersAdded()))});
    }
    facts.add(new String[] {"Voters", line(String.join(", ", notice.voters()))});
    return facts;
  }

  /** The changed addresses with their actions, at most {@value #MAX_CHANGES}, then how many more. */
  List<String> changes() {
    List<String> changes = notice.plan().changes();
    List<String> shown = new ArrayList<>();
    changes.stream().limit(MAX_CHANGES).map(NoticeText::line).forEach(shown::add);
    if (changes.size() > MAX_CHANGES) {
      shown.add("… and " + (changes.size() - MAX_CHANGES) + " more");
    }
    notice.plan().outputs().stream().limit(MAX_CHANGES).map(name -> "output " + line(name)).forEach(shown::add);
    if (shown.isEmpty()) {
      shown.add("(no resource changes)");
    }
    return shown;
  }

  /** Where or how to vote. */
  String voteHint() {
    return notice.approvalPage()
        .map(page -> "Approve or reject: " + line(page.toString()))
        .orElse("Vote with: tglive approve --run " + line(notice.runId()) + " --unit " + line(notice.unit())
            + " --as YOU [--reject] [--comment TEXT]");
  }

  static String line(String value) {
    return ControlCharacters.escape(value);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
