package io.tglive.rollback;

/** A rollback that cannot be planned as asked: an unknown mode or unit, or a run that cannot be read. */
public class RollbackException extends Exception {

  private static final long serialVersionUID = 1L;

  public RollbackException(String message) {
    super(message);
  }
}
