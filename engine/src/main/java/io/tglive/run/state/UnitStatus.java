package io.tglive.run.state;

/** Where a unit of a run stands. */
public enum UnitStatus {
  PENDING(false),
  PLANNING(false),
  AWAITING_APPROVAL(false),
  APPLYING(false),
  APPLIED(true),
  NO_CHANGES(true),
  FAILED(true),
  REJECTED(true),
  BLOCKED(true),
  CANCELLED(false);

  private final boolean terminal;

  UnitStatus(boolean terminal) {
    this.terminal = terminal;
  }

  /** Whether a resumed run leaves the unit as it is. */
  public boolean terminal() {
    return terminal;
  }

  /** Whether the unit's dependents may go on. */
  public boolean succeeded() {
    return this == APPLIED || this == NO_CHANGES;
  }

  /** Lower-case label with spaces. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
