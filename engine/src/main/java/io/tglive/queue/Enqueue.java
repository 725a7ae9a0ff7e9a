package io.tglive.queue;

/**
 * A merged pull request to add to a queue.
 *
 * @param queue the queue's name; null or blank means the repository's
 * @param repository the repository ({@code owner/name})
 * @param pr the pull request number, positive
 * @param baseRef the branch it was merged into
 * @param headCommit the pull request's head commit
 * @param mergeCommit the merge commit to deploy
 * @param author who opened the pull request
 * @param mergedAt ISO-8601 instant of the merge; null means now
 */
public record Enqueue(
    String queue,
    String repository,
    int pr,
    String baseRef,
    String headCommit,
    String mergeCommit,
    String author,
    String mergedAt) {

  /** The queue this request goes to. */
  public String queueName() {
    return queue == null || queue.isBlank() ? repository : queue;
  }
}
