package io.tglive.report.html;

import io.tglive.approval.AuditEntry;
import io.tglive.approval.VoteLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The report's approvals section: every vote of the run's audit log, in order. */
final class AuditTable {

  private AuditTable() {}

  /** The votes of the run in {@code directory}; none when nobody voted. */
  static List<AuditEntry> read(Path directory) throws IOException {
    return Files.isRegularFile(directory.resolve(VoteLedger.FILE)) ? VoteLedger.in(directory).audit() : List.of();
  }

  /** Writes the section, when there are votes. */
  static void write(StringBuilder out, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    out.append("<h2>Approvals</h2>\n<table id=\"audit\">\n<thead><tr><th>time</th><th>unit</th><th>voter</th>")
        .append("<th>decision</th><th>comment</th><th>plan</th><th>change</th></tr></thead>\n<tbody>\n");
    for (AuditEntry entry : entries) {
      out.append("<tr data-unit=\"").append(Html.escape(entry.unit())).append("\" data-voter=\"")
          .append(Html.escape(entry.voter())).append("\"><td>").append(Html.escape(entry.time())).append("</td><td>")
          .append(Html.escape(entry.unit())).append("</td><td>").append(Html.escape(entry.voter())).append("</td><td>")
          .append(entry.decision().word()).append("</td><td>").append(Html.escape(entry.comment())).append("</td><td title=\"")
          .append(Html.escape(entry.planHash())).append("\"><code>")
          .append(Html.escape(entry.planHash().substring(0, Math.min(12, entry.planHash().length()))))
          .append("</code></td><td>").append(Html.escape(entry.change() == null ? "" : entry.change()))
          .append(entry.commit() == null ? "" : " <code>" + Html.escape(entry.commit()) + "</code>")
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }
}
