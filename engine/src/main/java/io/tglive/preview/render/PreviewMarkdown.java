package io.tglive.preview.render;

import io.tglive.preview.PreviewStatus;
import io.tglive.preview.PreviewSummary;
import io.tglive.preview.PreviewUnit;
import java.util.List;

/**
 * The preview as GitHub-flavoured markdown, for a check run's output or a pull request comment: a
 * heading with the headline, one table row per unit in deploy order (unit, action, plan, gate,
 * reasons), the changed addresses of each unit with changes in a folded {@code <details>} block,
 * then why the stack may be incomplete. Everything from the repository or terragrunt is escaped
 * (markdown punctuation, HTML, {@code @} mentions and {@code #} references), so a unit name cannot
 * break the table, inject markup or ping anyone. The text fits a limit (GitHub takes 65,535
 * characters): unit details are left out first, then table rows, each omission said.
 */
public final class PreviewMarkdown {

  /** The most characters GitHub accepts in a check run's summary or text. */
  public static final int GITHUB_LIMIT = 65_535;

  /** Changed addresses listed per unit at most. */
  static final int MAX_CHANGES = 50;

  private PreviewMarkdown() {}

  /** The markdown, at most {@code limit} characters. */
  public static String render(PreviewSummary summary, int limit) {
    StringBuilder head = new StringBuilder();
    head.append("### Terragrunt preview: ").append(inline(summary.headline())).append("\n\n");
    head.append("Base `").append(PreviewText.short12(summary.base())).append("`, head `")
        .append(PreviewText.short12(summary.head())).append("`. Nothing was applied: units were only planned,")
        .append(" read-only.\n\n");
    StringBuilder tail = new StringBuilder();
    if (!summary.complete()) {
      tail.append("\n**The stack may be incomplete** (deploys may miss units):\n\n");
      summary.incompleteness().forEach(line -> tail.append("- ").append(inline(line)).append('\n'));
    }
    String note = "\n_Some units were left out to fit GitHub's size limit; the build log has them all._\n";
    int budget = limit - head.length() - tail.length() - note.length();
    StringBuilder table = new StringBuilder("| Unit | Action | Plan | Gate | Reasons |\n|---|---|---|---|---|\n");
    boolean cut = false;
    for (PreviewUnit unit : summary.units()) {
      String row = row(unit);
      if (table.length() + row.length() > budget) {
        cut = true;
        break;
      }
      table.append(row);
    }
    StringBuilder details = new StringBuilder();
    for (PreviewUnit unit : summary.units()) {
      if (unit.status() != PreviewStatus.CHANGES) {
        continue;
      }
      String block = details(unit);
      if (table.length() + details.length() + block.length() + 1 > budget) {
        cut = true;
        break;
      }
      details.append(block);
    }
    StringBuilder out = new StringBuilder(head).append(table);
    if (details.length() > 0) {
      out.append('\n').append(details);
    }
    out.append(tail);
    if (cut) {
      out.append(note);
    }
    return out.length() <= limit ? out.toString() : out.substring(0, limit);
  }

  private static String row(PreviewUnit unit) {
    return "| " + inline(unit.path()) + " | " + unit.action().label() + " | " + icon(unit.status()) + " "
        + inline(unit.outcome()) + " | " + inline(unit.gate()) + " | " + inline(String.join(", ", unit.reasons()))
        + " |\n";
  }

  private static String details(PreviewUnit unit) {
    StringBuilder block = new StringBuilder("<details><summary>").append(html(unit.path())).append(": ")
        .append(html(unit.plan().counts())).append("</summary>\n\n");
    List<String> changes = unit.plan().changes();
    changes.stream().limit(MAX_CHANGES).forEach(change -> block.append("- ").append(inline(change)).append('\n'));
    if (changes.size() > MAX_CHANGES) {
      block.append("- … and ").append(changes.size() - MAX_CHANGES).append(" more\n");
    }
    unit.plan().outputs().forEach(output -> block.append("- output ").append(inline(output)).append('\n'));
    return block.append("\n</details>\n").toString();
  }

  private static String icon(PreviewStatus status) {
    return switch (status) {
      case CHANGES -> "🟡";
      case NO_CHANGES -> "⚪";
      case FAILED -> "🔴";
      case WAITING -> "⏳";
    };
  }

  /**
   * Text safe inside a markdown paragraph or table cell: one line, control characters dropped,
   * markdown punctuation backslash-escaped, and {@code & < > @ # :} written as character references.
   */
  public static String inline(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(c)) {
        return;
      } else if ("\\`*_[]|~".indexOf(c) >= 0) {
        out.append('\\').appendCodePoint(c);
      } else if ("&<>@#:".indexOf(c) >= 0) {
        out.append("&#").append(c).append(';');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /**
   * Text safe inside an HTML element of the markdown: character references for HTML's and
   * markdown's special characters ({@code & < > " ' @ # [ ] ` * _ | \}), control characters dropped.
   */
  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(c == '\n' || c == '\t' || c == '\r' ? " " : "");
      } else if ("&<>\"'@#[]`*_|\\".indexOf(c) >= 0) {
        out.append("&#").append(c).append(';');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
