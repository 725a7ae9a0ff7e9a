package io.tglive.queue;

/** A queue operation that cannot be done as asked (no such pull request, it is deploying, bad input); one line. */
public final class QueueException extends Exception {

  public QueueException(String message) {
    super(message);
  }
}
