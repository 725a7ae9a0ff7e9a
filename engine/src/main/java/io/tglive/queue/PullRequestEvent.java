package io.tglive.queue;

/**
 * A pull request event from the code host, as the queue needs it (the Jenkins plugin reads it from a
 * GitHub webhook payload).
 *
 * @param repository the repository ({@code owner/name})
 * @param pr the pull request number
 * @param action what happened: {@code closed}, {@code synchronize} (a new commit), ...
 * @param merged whether the pull request is merged
 * @param baseRef the branch it merges (or was merged) into, with or without {@code refs/heads/}
 * @param headCommit its head commit
 * @param mergeCommit the merge commit (for an open pull request, GitHub's test merge), or null
 * @param author who opened it, or null
 * @param mergedAt ISO-8601 instant of the merge, or null
 */
public record PullRequestEvent(
    String repository,
    int pr,
    String action,
    boolean merged,
    String baseRef,
    String headCommit,
    String mergeCommit,
    String author,
    String mergedAt) {

  /** The branch name without {@code refs/heads/}. */
  public String baseBranch() {
    return branch(baseRef);
  }

  static String branch(String ref) {
    if (ref == null) {
      return "";
    }
    return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
  }
}
