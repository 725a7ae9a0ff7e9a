package io.tglive.preview.render;

import io.tglive.preview.PreviewSummary;
import io.tglive.preview.PreviewUnit;
import io.tglive.report.ControlCharacters;

/**
 * The preview for terminals and build logs: a heading, one line per unit in deploy order
 * ({@code status  action  path  outcome; gate: …; reasons: …}), then why the stack may be incomplete.
 * Control characters from the repository are escaped, so a unit name cannot split a line.
 */
public final class PreviewText {

  private PreviewText() {}

  /** The text, ending with a newline. */
  public static String render(PreviewSummary summary) {
    StringBuilder out = new StringBuilder();
    out.append("preview of ").append(short12(summary.base())).append("..").append(short12(summary.head()))
        .append(": ").append(summary.headline()).append('\n');
    for (PreviewUnit unit : summary.units()) {
      out.append(String.format("%-12s %-8s %s  %s; gate: %s; reasons: %s%n", unit.status().label(),
          unit.action().label(), escape(unit.path()), escape(unit.outcome()), escape(unit.gate()),
          escape(String.join(", ", unit.reasons()))));
    }
    summary.incompleteness().forEach(line -> out.append("incomplete: ").append(escape(line)).append('\n'));
    return out.toString();
  }

  static String short12(String sha) {
    return sha.substring(0, Math.min(12, sha.length()));
  }

  private static String escape(String text) {
    return ControlCharacters.escape(text);
  }
}
