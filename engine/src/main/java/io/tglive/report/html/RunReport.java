package io.tglive.report.html;

import io.tglive.run.state.RunHeader;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The HTML report of a run: one self-contained file, {@code report.html} in the run directory, with the run's header,
 * its units as an SVG graph coloured by status, and a table of every unit (plan summary, plan hash, gate, timings,
 * link to its log). Nothing is loaded from elsewhere: the page's Content-Security-Policy allows only its own inline
 * style and script (by hash), so even a string that escaped escaping could run nothing.
 */
public final class RunReport {

  /** The report's file name in a run directory. */
  public static final String FILE = "report.html";

  private static final String SCRIPT = """
      document.querySelectorAll('#legend button').forEach(function (b) {
        b.addEventListener('click', function () {
          var shown = b.getAttribute('aria-pressed') !== 'true';
          b.setAttribute('aria-pressed', shown ? 'true' : 'false');
          var s = b.getAttribute('data-status');
          document.querySelectorAll('#units tr[data-status="' + s + '"]').forEach(function (r) { r.hidden = !shown; });
          document.querySelectorAll('#graph g[data-status="' + s + '"]').forEach(function (g) {
            g.classList.toggle('dim', !shown);
          });
        });
      });
      """;

  private RunReport() {}

  /** Renders the report of the run in {@code directory} to {@code <directory>/report.html} and returns that path. */
  public static Path write(Path directory) throws IOException {
    String html = render(RunView.read(directory), RollbackSection.html(directory), AuditTable.read(directory));
    Path file = directory.resolve(FILE);
    Files.writeString(file, html, StandardCharsets.UTF_8);
    return file;
  }

  /** The report of the run in {@code directory}, as HTML, without writing it (a server answering a request). */
  public static String html(Path directory) throws IOException {
    return render(RunView.read(directory), RollbackSection.html(directory), AuditTable.read(directory));
  }

  /** The report's HTML, without rollback or votes. */
  static String render(RunView run) {
    return render(run, "", java.util.List.of());
  }

  /** The report's HTML with the rollback section's and the run's votes from its audit log. */
  static String render(RunView run, String rollback, java.util.List<io.tglive.approval.AuditEntry> votes) {
    RunHeader header = run.header();
    String style = style();
    StringBuilder out = new StringBuilder(16_384);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
        .append(hash(style)).append("'; script-src '").append(hash(SCRIPT))
        .append("'; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>tglive run ").append(Html.escape(header.id())).append(" \u2014 ")
        .append(outcome(run)).append("</title>\n<style>").append(style).append("</style>\n</head>\n<body>\n");
    header(out, run);
    legend(out, run.units());
    out.append("<h2>Stack</h2>\n<div class=\"graph\">\n");
    GraphSvg.write(out, GraphLayout.of(header.units()), run.units());
    out.append("</div>\n<h2>Units</h2>\n");
    UnitTable.write(out, run);
    out.append(rollback);
    AuditTable.write(out, votes);
    out.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  private static String outcome(RunView run) {
    return run.outcome() == null ? "not ended" : Html.escape(run.outcome());
  }

  private static void header(StringBuilder out, RunView run) {
    RunHeader header = run.header();
    out.append("<h1>Run <span id=\"run-id\">").append(Html.escape(header.id()))
        .append("</span> <span id=\"outcome\" class=\"outcome oc-")
        .append(run.outcome() == null ? "open" : Html.escape(run.outcome())).append("\">").append(outcome(run))
        .append("</span></h1>\n<table class=\"run\">\n");
    field(out, "repository", Html.escape(header.repo()));
    field(out, "base", revision(header.base(), header.baseCommit()));
    field(out, "head", revision(header.head(), header.headCommit()));
    RunTimeline timeline = run.timeline();
    field(out, "started", TimeText.instant(timeline.started()));
    String ended = TimeText.instant(timeline.ended());
    if (timeline.started() != null && timeline.ended() != null) {
      ended += " (" + TimeText.duration(Duration.between(timeline.started(), timeline.ended())) + ")";
    }
    field(out, "ended", ended);
    out.append("</table>\n");
  }

  private static String revision(String ref, String commit) {
    String text = Html.escape(ref == null ? "" : ref);
    return commit == null || commit.equals(ref) ? text : text + " <code>" + Html.escape(commit) + "</code>";
  }

  private static void field(StringBuilder out, String name, String html) {
    out.append("<tr><th>").append(name).append("</th><td id=\"run-").append(name).append("\">").append(html)
        .append("</td></tr>\n");
  }

  /** Every status with its colour and how many units have it; a button hides or shows those units. */
  private static void legend(StringBuilder out, Map<String, UnitRecord> units) {
    Map<UnitStatus, Integer> counts = new EnumMap<>(UnitStatus.class);
    units.values().forEach(u -> counts.merge(u.status(), 1, Integer::sum));
    out.append("<div id=\"legend\">");
    for (StatusStyle style : StatusStyle.values()) {
      int count = counts.getOrDefault(style.status(), 0);
      out.append("<button type=\"button\" aria-pressed=\"true\" data-status=\"").append(style.key())
          .append("\" data-count=\"").append(count).append("\"").append(count == 0 ? " class=\"none\"" : "")
          .append("><span class=\"swatch st-").append(style.key()).append("\"></span>")
          .append(style.status().label()).append(" <b>").append(count).append("</b></button>");
    }
    out.append("</div>\n");
  }

  private static String style() {
    StringBuilder css = new StringBuilder("""
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212121;margin:24px;}
        h1{font-size:22px;margin:0 0 12px} h2{font-size:17px;margin:24px 0 8px}
        code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
        .muted{color:#757575;font-size:12px}
        table.run th{text-align:left;padding-right:16px;color:#616161;font-weight:normal}
        .outcome{font-size:14px;padding:2px 10px;border-radius:12px;vertical-align:middle;border:1px solid #9e9e9e}
        .oc-succeeded{background:#c8e6c9;border-color:#2e7d32}.oc-failed{background:#ffcdd2;border-color:#c62828}
        .oc-rejected{background:#ffe0b2;border-color:#e65100}.oc-open{background:#fff8e1;border-color:#f9a825}
        #legend{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0}
        #legend button{font:inherit;background:#fff;border:1px solid #bdbdbd;border-radius:14px;padding:2px 10px;cursor:pointer}
        #legend button.none{color:#9e9e9e}#legend button[aria-pressed=false]{text-decoration:line-through;opacity:.6}
        .swatch{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:5px;border:1px solid}
        .graph{overflow:auto;border:1px solid #e0e0e0;border-radius:6px;background:#fafafa}
        #graph .edge{fill:none;stroke:#90a4ae;stroke-width:1.4}
        #graph text{font-size:12px;fill:#212121}#graph text.status{font-size:11px;fill:#424242}
        #graph .dim{opacity:.2} #graph a:hover rect{stroke-width:2.5}
        #units{border-collapse:collapse;width:100%}
        #units th,#units td{border-bottom:1px solid #e0e0e0;padding:6px 8px;text-align:left;vertical-align:top}
        #units th{background:#f5f5f5;font-weight:600}
        #units tr:target{outline:2px solid #1e88e5}
        #units ul{margin:2px 0 4px;padding-left:18px}
        td.unit{min-width:11em} .unit .path{font-weight:600;overflow-wrap:anywhere}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;border:1px solid;white-space:nowrap}
        .counts,.timings,.log{white-space:nowrap}
        """);
    for (StatusStyle style : StatusStyle.values()) {
      css.append(".st-").append(style.key()).append("{background:").append(style.fill()).append(";border-color:")
          .append(style.stroke()).append("}\n");
    }
    return css.toString();
  }

  /** The CSP source of an inline element's text: {@code sha256-<base64>}. */
  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
