package io.tglive.queue;

import java.util.Locale;

/** How a deployment of a queue entry ended, as its runner reports it. */
public enum Outcome {
  /** Every unit was applied or had no changes. */
  SUCCEEDED,
  /** A unit failed or was rejected. */
  FAILED,
  /** A unit failed and the deployment was rolled back. */
  ROLLED_BACK;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The outcome named {@code label}; an unknown one is an {@link IllegalArgumentException} naming the valid ones. */
  public static Outcome of(String label) {
    for (Outcome outcome : values()) {
      if (outcome.label().equals(label)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("unknown outcome '" + label + "' (succeeded, failed or rolled-back)");
  }
}
