package io.tglive.queue;

/**
 * What {@link DeployQueue#next} found.
 *
 * @param started the entry that started deploying, or null
 * @param deploying the entry already deploying (so nothing started), or null
 */
public record Next(QueueEntry started, QueueEntry deploying) {

  /** Why nothing started: {@code waiting: PR #12 is deploying}, or {@code the queue is empty}; null if one started. */
  public String waitReason() {
    if (started != null) {
      return null;
    }
    return deploying != null ? "waiting: PR #" + deploying.pr() + " is deploying" : "the queue is empty";
  }
}
