package io.tglive.conformance;

/** The conformance check could not run: bad input, or the real terragrunt failed or is missing. */
public final class ConformanceException extends Exception {

  public ConformanceException(String message) {
    super(message);
  }
}
