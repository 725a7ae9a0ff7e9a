package io.tglive.report.html;

import io.tglive.run.state.UnitStatus;
import java.util.Locale;

/** The colours of each unit status in the report: a light fill and a darker stroke, the same in graph, legend and table. */
enum StatusStyle {
  PENDING(UnitStatus.PENDING, "#eceff1", "#78909c"),
  PLANNING(UnitStatus.PLANNING, "#e3f2fd", "#1e88e5"),
  AWAITING_APPROVAL(UnitStatus.AWAITING_APPROVAL, "#fff8e1", "#f9a825"),
  APPLYING(UnitStatus.APPLYING, "#bbdefb", "#1565c0"),
  APPLIED(UnitStatus.APPLIED, "#c8e6c9", "#2e7d32"),
  NO_CHANGES(UnitStatus.NO_CHANGES, "#f1f8e9", "#7cb342"),
  FAILED(UnitStatus.FAILED, "#ffcdd2", "#c62828"),
  REJECTED(UnitStatus.REJECTED, "#ffe0b2", "#e65100"),
  BLOCKED(UnitStatus.BLOCKED, "#e1bee7", "#6a1b9a"),
  CANCELLED(UnitStatus.CANCELLED, "#e0e0e0", "#616161");

  private final UnitStatus status;
  private final String fill;
  private final String stroke;

  StatusStyle(UnitStatus status, String fill, String stroke) {
    this.status = status;
    this.fill = fill;
    this.stroke = stroke;
  }

  /** The style of {@code status}. */
  static StatusStyle of(UnitStatus status) {
    return valueOf(status.name());
  }

  UnitStatus status() {
    return status;
  }

  /** Background of nodes and badges. */
  String fill() {
    return fill;
  }

  /** Border of nodes and badges. */
  String stroke() {
    return stroke;
  }

  /** The {@code data-status} value and CSS class suffix: {@code no-changes}. */
  String key() {
    return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
