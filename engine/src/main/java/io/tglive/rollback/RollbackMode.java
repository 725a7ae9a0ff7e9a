package io.tglive.rollback;

import java.util.Locale;

/** Which units a rollback takes back. */
public enum RollbackMode {
  /** Every unit the run changed. */
  ALL,
  /** The units asked for, and every unit that must roll back with them (the closure rule). */
  SELECTIVE,
  /** Nothing: the run's changes stay. */
  NONE;

  /** The mode named {@code all}, {@code selective} or {@code none}; anything else is an error. */
  public static RollbackMode parse(String name) throws RollbackException {
    for (RollbackMode mode : values()) {
      if (mode.label().equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new RollbackException("unknown rollback mode '" + name + "': use all, selective or none");
  }

  /** {@code all}, {@code selective} or {@code none}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
