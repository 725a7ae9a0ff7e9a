package io.tglive.queue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One merged pull request in a deploy queue, as of its last change.
 *
 * @param id unique in the queue directory, from 1, in the order entries were added
 * @param queue the queue's name (one per repository by default)
 * @param repository the repository, as the caller names it ({@code owner/name})
 * @param pr the pull request number
 * @param baseRef the branch it was merged into
 * @param headCommit the pull request's head commit
 * @param mergeCommit the merge commit to deploy
 * @param author who opened the pull request
 * @param enqueuedAt ISO-8601 instant the entry was added
 * @param mergedAt ISO-8601 instant of the merge; the queue's order
 * @param priority 0, or the rank of its last override (higher goes first)
 * @param attempts failed deployments so far (carried over to a newer commit of the pull request)
 * @param state where the entry is
 * @param reason why it is in that state (who removed it, what failed), or null
 * @param stopRequested a release change asked the deployment of this entry to stop
 * @param supersededBy the entry that replaced this one, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueEntry(
    long id,
    String queue,
    String repository,
    int pr,
    String baseRef,
    String headCommit,
    String mergeCommit,
    String author,
    String enqueuedAt,
    String mergedAt,
    long priority,
    int attempts,
    EntryState state,
    String reason,
    boolean stopRequested,
    Long supersededBy) {

  QueueEntry withState(EntryState value, String why) {
    return new QueueEntry(id, queue, repository, pr, baseRef, headCommit, mergeCommit, author, enqueuedAt, mergedAt,
        priority, attempts, value, why, stopRequested, supersededBy);
  }

  QueueEntry withPriority(long value) {
    return new QueueEntry(id, queue, repository, pr, baseRef, headCommit, mergeCommit, author, enqueuedAt, mergedAt,
        value, attempts, state, reason, stopRequested, supersededBy);
  }

  QueueEntry withAttempts(int value) {
    return new QueueEntry(id, queue, repository, pr, baseRef, headCommit, mergeCommit, author, enqueuedAt, mergedAt,
        priority, value, state, reason, stopRequested, supersededBy);
  }

  QueueEntry withStopRequested(String why) {
    return new QueueEntry(id, queue, repository, pr, baseRef, headCommit, mergeCommit, author, enqueuedAt, mergedAt,
        priority, attempts, state, why, true, supersededBy);
  }

  QueueEntry supersededBy(long newer, String why) {
    return new QueueEntry(id, queue, repository, pr, baseRef, headCommit, mergeCommit, author, enqueuedAt, mergedAt,
        priority, attempts, EntryState.SUPERSEDED, why, stopRequested, newer);
  }

  /** {@code PR #12 (abc1234)}: how messages name the entry. */
  public String label() {
    return "PR #" + pr + " (" + shortCommit(headCommit) + ")";
  }

  static String shortCommit(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }
}
