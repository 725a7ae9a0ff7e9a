package io.tglive.rollback;

import java.io.IOException;

/** Reads a unit's state as {@code terragrunt state pull} prints it (empty when the unit has none). */
@FunctionalInterface
public interface StateReader {

  /** Reads no state: a preview, before anything is applied, names new providers but no addresses. */
  StateReader NONE = unit -> "";

  /** The state JSON of {@code unit}. */
  String pull(String unit) throws IOException, InterruptedException;
}
