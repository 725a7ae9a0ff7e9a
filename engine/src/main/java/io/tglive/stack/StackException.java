package io.tglive.stack;

/** The stack cannot be computed: bad revision, invalid configuration, cycle, a deleted unit still in use. */
public final class StackException extends Exception {

  private static final long serialVersionUID = 1L;

  public StackException(String message) {
    super(message, null, false, false);
  }
}
