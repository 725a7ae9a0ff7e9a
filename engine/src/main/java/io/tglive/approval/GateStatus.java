package io.tglive.approval;

/** Where a gate stands. */
public enum GateStatus {
  /** Waiting for votes. */
  OPEN,
  /** Enough approvals: the plan may be applied. */
  APPROVED,
  /** Enough rejections, a timeout, or a gate that cannot pass. */
  REJECTED,
  /** A newer plan of the unit replaced this one; its votes do not carry over. */
  SUPERSEDED;

  /** Whether votes are no longer taken. */
  public boolean closed() {
    return this != OPEN;
  }
}
