package io.tglive.rollback;

import java.io.IOException;

/** What a rollback plan needs to know of the trees and the state beyond the run's journal. */
public interface UnitFacts {

  /** Whether the unit exists in the base tree (else the change added it). */
  boolean existsAtBase(String unit) throws IOException, InterruptedException;

  /** Providers the change added to the unit and their resources in its state. */
  NewProviders newProviders(String unit) throws IOException, InterruptedException;
}
