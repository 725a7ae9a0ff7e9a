package io.tglive.report.html;

import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.PlanSummary;
import java.util.Collection;

/** The table of units: one row per unit with its status, action, plan summary, plan hash, gate, timings, note and log. */
final class UnitTable {

  /** Who {@link io.tglive.run.gate.NoGate} says approved a plan of an account that needs no approval. */
  private static final String NO_GATE = "no gate";

  private UnitTable() {}

  static void write(StringBuilder out, RunView run) {
    out.append("<table id=\"units\">\n<thead><tr><th>Unit</th><th>Status</th><th>Action</th><th>Plan</th>"
        + "<th>Plan hash</th><th>Gate</th><th>Timings</th><th>Note</th><th>Log</th></tr></thead>\n<tbody>\n");
    for (RunUnit unit : run.header().units().stream()
        .sorted(java.util.Comparator.comparing(RunUnit::path)).toList()) {
      row(out, unit, run.units().get(unit.path()), run);
    }
    out.append("</tbody>\n</table>\n");
  }

  private static void row(StringBuilder out, RunUnit unit, UnitRecord record, RunView run) {
    StatusStyle style = StatusStyle.of(record.status());
    String path = Html.escape(unit.path());
    out.append("<tr id=\"").append(Html.unitId(unit.path())).append("\" data-unit=\"").append(path)
        .append("\" data-status=\"").append(style.key()).append("\">");
    out.append("<td class=\"unit\"><span class=\"path\">").append(path.isEmpty() ? "(root)" : path).append("</span>");
    if (unit.account() != null) {
      out.append("<br><span class=\"muted\">account ").append(Html.escape(unit.account())).append("</span>");
    }
    out.append("</td><td class=\"status\"><span class=\"badge st-").append(style.key()).append("\">")
        .append(record.status().label()).append("</span></td>");
    out.append("<td class=\"action\">").append(unit.destroy() ? "destroy" : "apply").append("</td>");
    out.append("<td class=\"plan\">");
    plan(out, record);
    out.append("</td><td class=\"hash\">");
    PlanSummary plan = record.plan();
    if (plan != null && plan.hash() != null) {
      out.append("<code title=\"").append(Html.escape(plan.hash())).append("\">")
          .append(Html.escape(plan.hash().substring(0, Math.min(12, plan.hash().length())))).append("</code>");
      if (record.appliedHash() != null) {
        out.append(record.appliedHash().equals(plan.hash()) ? "<br><span class=\"muted\">applied</span>"
            : "<br><span class=\"muted\">applied " + Html.escape(record.appliedHash().substring(0,
                Math.min(12, record.appliedHash().length()))) + "</span>");
      }
    } else {
      out.append("\u2014");
    }
    out.append("</td><td class=\"gate\">");
    gate(out, unit, record);
    out.append("</td><td class=\"timings\">");
    timings(out, run.timeline().unit(unit.path()));
    out.append("</td><td class=\"note\">").append(record.message() == null ? "" : Html.escape(record.message()));
    out.append("</td><td class=\"log\">");
    String log = run.logs().get(unit.path());
    if (log != null) {
      out.append("<a href=\"").append(Html.escape(log)).append("\">log</a>");
    } else {
      out.append("<span class=\"muted\">no log</span>");
    }
    out.append("</td></tr>\n");
  }

  private static void plan(StringBuilder out, UnitRecord record) {
    PlanSummary plan = record.plan();
    if (record.status() == UnitStatus.NO_CHANGES || plan == null) {
      out.append(record.status() == UnitStatus.NO_CHANGES ? "no changes" : "\u2014");
      return;
    }
    out.append("<span class=\"counts\">+").append(plan.create()).append(" ~").append(plan.update())
        .append(" \u2212").append(plan.delete()).append(" \u00b1").append(plan.replace()).append("</span>");
    out.append("<details><summary>").append(Html.escape(plan.counts())).append("</summary>");
    list(out, "changes", plan.changes());
    list(out, "outputs", plan.outputs());
    list(out, "providers", plan.providers());
    list(out, "resources added", plan.resourcesAdded());
    list(out, "providers added", plan.providersAdded());
    out.append("</details>");
  }

  private static void list(StringBuilder out, String title, Collection<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.append("<div class=\"muted\">").append(title).append("</div><ul>");
    items.forEach(item -> out.append("<li><code>").append(Html.escape(item)).append("</code></li>"));
    out.append("</ul>");
  }

  private static void gate(StringBuilder out, RunUnit unit, UnitRecord record) {
    if (record.approvedHash() != null && NO_GATE.equals(record.decidedBy())) {
      out.append("<span class=\"muted\">no gate</span>");
    } else if (record.decidedBy() != null) {
      out.append(record.approvedHash() != null ? "approved" : "rejected").append(" by ")
          .append(Html.escape(record.decidedBy()));
      if (record.why() != null && !record.why().isEmpty()) {
        out.append(": ").append(Html.escape(record.why()));
      }
    } else if (unit.approvalsRequired() == 0) {
      out.append("<span class=\"muted\">no gate</span>");
    } else {
      out.append("<span class=\"muted\">needs ").append(unit.approvalsRequired()).append(" of ")
          .append(Html.escape(String.join(", ", unit.voters()))).append("</span>");
    }
  }

  private static void timings(StringBuilder out, UnitTimings t) {
    if (t.start() == null) {
      out.append("<span class=\"muted\">not started</span>");
      return;
    }
    out.append("start +").append(TimeText.duration(t.start()))
        .append("<br>plan ").append(TimeText.duration(t.plan()));
    if (!t.approval().isZero()) {
      out.append("<br>approval wait ").append(TimeText.duration(t.approval()));
    }
    if (!t.apply().isZero()) {
      out.append("<br>apply ").append(TimeText.duration(t.apply()));
    }
    if (!t.terragrunt().isZero()) {
      out.append("<br><span class=\"muted\">terragrunt ").append(TimeText.duration(t.terragrunt())).append("</span>");
    }
  }
}
