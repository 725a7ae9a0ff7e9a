package io.jenkins.plugins.tglive;

import io.tglive.queue.QueueEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The queue entry a deploy build is for: what its parameters, cause and queue action carry.
 *
 * @param queue the queue's name
 * @param entryId the entry's id in the queue directory
 * @param attempt which deployment of the entry this is, from 1 (a failed one is tried again)
 * @param pr the pull request number
 * @param headCommit the pull request's head commit
 * @param mergeCommit the merge commit to deploy
 * @param baseRef the branch it was merged into
 */
record QueueBuild(String queue, long entryId, int attempt, int pr, String headCommit, String mergeCommit, String baseRef) {

  /** The build parameters' names. */
  static final String QUEUE = "TG_QUEUE";
  static final String PR = "TG_PR";
  static final String HEAD_COMMIT = "TG_HEAD_COMMIT";
  static final String MERGE_COMMIT = "TG_MERGE_COMMIT";
  static final String BASE_REF = "TG_BASE_REF";

  /** The build for a queue entry that started deploying. */
  static QueueBuild of(QueueEntry entry) {
    return new QueueBuild(entry.queue(), entry.id(), entry.attempts() + 1, entry.pr(), entry.headCommit(),
        entry.mergeCommit(), entry.baseRef());
  }

  /** The build's parameters, in order: queue, pull request, head commit, merge commit, base ref. */
  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(QUEUE, queue);
    parameters.put(PR, String.valueOf(pr));
    parameters.put(HEAD_COMMIT, headCommit);
    parameters.put(MERGE_COMMIT, mergeCommit);
    parameters.put(BASE_REF, baseRef);
    return parameters;
  }

  /** {@code deploy queue acme/live: PR #12, head abc, merge def, into main} ({@code , attempt 2} after a failure). */
  String describe() {
    return "deploy queue " + queue + ": PR #" + pr + ", head " + headCommit + ", merge " + mergeCommit + ", into "
        + baseRef + (attempt > 1 ? ", attempt " + attempt : "");
  }

  /** Whether {@code other} is the build of the same deployment: same entry, commits and attempt. */
  boolean sameDeployment(QueueBuild other) {
    return queue.equals(other.queue) && entryId == other.entryId && attempt == other.attempt
        && headCommit.equals(other.headCommit) && mergeCommit.equals(other.mergeCommit);
  }
}
