package io.tglive.queue;

/**
 * What the queue did with a pull request event ({@link QueueIntake}).
 *
 * @param kind what happened
 * @param entry the entry added or kept, or null when the event was ignored
 * @param message one line for the log: what and why
 */
public record Intake(Kind kind, QueueEntry entry, String message) {

  /** What the queue did with an event. */
  public enum Kind {
    /** A merged pull request joined the queue. */
    ENQUEUED,
    /** A newer commit replaced the pull request's waiting entry in place. */
    SUPERSEDED,
    /** A newer commit of the deploying pull request: the deployment is asked to stop, the commit deploys next. */
    RELEASE_CHANGED,
    /** The same merge commit was already queued (a webhook delivered twice). */
    DUPLICATE,
    /** Nothing for the queue: not merged, another branch, another action, a pull request not queued. */
    IGNORED
  }

  /** Whether the queue changed, so a build may have to be scheduled. */
  public boolean changed() {
    return kind != Kind.IGNORED && kind != Kind.DUPLICATE;
  }
}
