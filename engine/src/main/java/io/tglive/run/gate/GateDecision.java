package io.tglive.run.gate;

import java.util.Objects;

/**
 * The outcome of an approval gate.
 *
 * @param approved whether the plan may be applied
 * @param who who decided ({@code no gate} when the account needs no approval)
 * @param why the reason given, possibly empty
 */
public record GateDecision(boolean approved, String who, String why) {

  public GateDecision {
    Objects.requireNonNull(who, "who");
    why = why == null ? "" : why;
  }

  /** Approved by {@code who}. */
  public static GateDecision approve(String who, String why) {
    return new GateDecision(true, who, why);
  }

  /** Rejected by {@code who}. */
  public static GateDecision reject(String who, String why) {
    return new GateDecision(false, who, why);
  }
}
