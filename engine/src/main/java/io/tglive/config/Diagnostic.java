package io.tglive.config;

/** A non-fatal finding while evaluating, such as an unsupported function. */
public record Diagnostic(Location location, String message) {

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
