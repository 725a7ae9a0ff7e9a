package io.tglive.report.html;

import io.tglive.rollback.RollbackPlan;
import io.tglive.rollback.RollbackPreview;
import io.tglive.rollback.RollbackRun;
import io.tglive.rollback.RollbackStep;
import io.tglive.rollback.RunRecord;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.UnitRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report's rollback section: the run's rollback with each step's status and a link to its own
 * report when one ran; otherwise the preview of what mode {@code all} would do; nothing without
 * either. Each step is {@code <li data-step="<id>" data-action="<action>" data-status="<status>">}.
 */
final class RollbackSection {

  private RollbackSection() {}

  /** The section's HTML for the run in {@code directory}, or empty. */
  static String html(Path directory) throws IOException {
    StringBuilder out = new StringBuilder();
    if (RollbackRun.exists(directory)) {
      RollbackPlan plan = RollbackRun.read(directory);
      Path folder = RollbackRun.directory(directory);
      Map<String, UnitRecord> records = Map.of();
      String outcome = "not started";
      if (Files.isRegularFile(folder.resolve(RunLedger.JOURNAL))) {
        RunRecord rollback = RunRecord.read(folder);
        records = rollback.units();
        outcome = rollback.outcome() == null ? "not ended" : rollback.outcome();
      }
      out.append("<h2>Rollback</h2>\n<section id=\"rollback\" data-kind=\"rollback\" data-outcome=\"")
          .append(Html.escape(outcome)).append("\">\n<p>Mode ").append(Html.escape(plan.mode().label()))
          .append(plan.selected().isEmpty() ? "" : " (" + Html.escape(String.join(", ", plan.selected())) + ")")
          .append(": ").append(Html.escape(outcome)).append(". <a href=\"rollback/report.html\">Rollback report</a></p>\n");
      steps(out, plan, records);
    } else {
      Optional<RollbackPlan> preview = RollbackPreview.read(directory);
      if (preview.isEmpty()) {
        return "";
      }
      out.append("<h2>Rollback preview</h2>\n<section id=\"rollback\" data-kind=\"preview\">\n")
          .append("<p>If this run must be rolled back, mode all would run these steps, each planned, gated and applied:")
          .append("</p>\n");
      steps(out, preview.get(), Map.of());
    }
    return out.append("</section>\n").toString();
  }

  private static void steps(StringBuilder out, RollbackPlan plan, Map<String, UnitRecord> records) {
    if (plan.steps().isEmpty()) {
      out.append("<p>Nothing to roll back.</p>\n");
      return;
    }
    out.append("<ol>\n");
    for (RollbackStep step : plan.steps()) {
      UnitRecord record = records.get(step.id());
      out.append("<li data-step=\"").append(Html.escape(step.id())).append("\" data-action=\"")
          .append(step.action().name().toLowerCase(Locale.ROOT).replace('_', '-')).append('"');
      if (record != null) {
        out.append(" data-status=\"").append(record.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .append('"');
      }
      out.append('>').append(Html.escape(step.describe()));
      if (record != null) {
        out.append(" <b>").append(Html.escape(record.status().label())).append("</b>");
        if (record.message() != null) {
          out.append(": ").append(Html.escape(record.message()));
        }
      }
      out.append("</li>\n");
    }
    out.append("</ol>\n");
  }
}
