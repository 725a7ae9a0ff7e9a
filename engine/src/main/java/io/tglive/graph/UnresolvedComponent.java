package io.tglive.graph;

import io.tglive.config.Location;
import io.tglive.report.ControlCharacters;

/**
 * A {@code unit} or {@code stack} block of a stack file that cannot be generated offline, so the
 * units it would generate are missing from the graph.
 *
 * @param location the block in its {@code terragrunt.stack.hcl}
 * @param component {@code unit "name"} or {@code stack "name"}
 * @param reason why it cannot be generated
 */
public record UnresolvedComponent(Location location, String component, String reason) {

  /** {@code file:line: unit "name": reason}, control characters escaped. */
  @Override
  public String toString() {
    return ControlCharacters.escape(location + ": " + component + ": " + reason);
  }
}
