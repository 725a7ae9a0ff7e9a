package io.jenkins.plugins.tglive;

import io.tglive.queue.PullRequestEvent;
import java.io.IOException;
import java.util.Date;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHUser;

/** Reads a GitHub {@code pull_request} webhook payload (github-api 1.330 types) into the engine's event. */
final class GitHubPullRequests {

  private GitHubPullRequests() {}

  /**
   * The event of {@code payload}. The merge commit is read only for a merged pull request (for an open one
   * GitHub's test merge is not deployed: the head commit is); reading it may ask GitHub when the payload
   * lacks it, hence the {@link IOException}.
   */
  static PullRequestEvent read(GHEventPayload.PullRequest payload) throws IOException {
    GHPullRequest pullRequest = payload.getPullRequest();
    Date mergedAt = pullRequest.getMergedAt();
    boolean merged = mergedAt != null;
    GHUser user = pullRequest.getUser();
    return new PullRequestEvent(
        payload.getRepository().getFullName(),
        payload.getNumber(),
        payload.getAction(),
        merged,
        pullRequest.getBase().getRef(),
        pullRequest.getHead().getSha(),
        merged ? pullRequest.getMergeCommitSha() : null,
        user == null ? null : user.getLogin(),
        merged ? mergedAt.toInstant().toString() : null);
  }
}
