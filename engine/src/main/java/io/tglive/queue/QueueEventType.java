package io.tglive.queue;

/** The kinds of queue journal lines. */
public enum QueueEventType {
  /** A merged pull request joined its queue (possibly superseding its waiting entry). */
  ADDED,
  /** A privileged user moved a pull request to the front. */
  OVERRIDDEN,
  /** A pull request was taken out of the queue. */
  REMOVED,
  /** The queue's head started deploying. */
  STARTED,
  /** A release change asked the deploying entry to stop in favour of its pull request's newest commit. */
  RELEASE_CHANGED,
  /** A deployment ended (succeeded, failed, rolled back; possibly dropped or superseded). */
  COMPLETED,
  /** The journal's last line: a snapshot holds everything up to here and a new journal follows. */
  SEALED
}
