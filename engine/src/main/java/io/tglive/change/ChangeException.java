package io.tglive.change;

/** The change cannot be computed, such as an unknown revision; the message says why. */
public final class ChangeException extends Exception {

  private static final long serialVersionUID = 1L;

  public ChangeException(String message) {
    super(message, null, false, false);
  }
}
