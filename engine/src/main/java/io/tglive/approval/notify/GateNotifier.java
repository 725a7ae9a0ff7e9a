package io.tglive.approval.notify;

/**
 * Tells a gate's voters that it opened. Implementations never block the run and never throw: a
 * notification that cannot be delivered is logged and retried in the background.
 */
public interface GateNotifier {

  /** Notifies nobody. */
  GateNotifier NONE = notice -> { };

  /** Called once when a gate opens for a plan (again if a new plan reopens it). */
  void gateOpened(GateNotice notice);
}
