package io.jenkins.plugins.tglive;

import hudson.Extension;
import io.tglive.queue.PullRequestEvent;
import io.tglive.queue.QueueException;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.scm.api.SCMEventListener;
import jenkins.scm.api.SCMHeadEvent;
import org.kohsuke.github.GHEventPayload;

/**
 * Feeds github-branch-source's pull request events to the {@code terragruntQueue} triggers watching
 * the repository: a merge into the base branch joins the queue, a new commit of a queued pull request
 * supersedes it (the engine decides, {@code QueueIntake}).
 */
@Extension
public final class QueueEvents extends SCMEventListener {

  private static final Logger LOGGER = Logger.getLogger(QueueEvents.class.getName());

  @Override
  public void onSCMHeadEvent(SCMHeadEvent<?> event) {
    if (event.getPayload() instanceof GHEventPayload.PullRequest payload) {
      deliver(payload, QueueDispatch.jenkins());
    }
  }

  /** Delivers the payload to every started trigger of its repository. */
  static void deliver(GHEventPayload.PullRequest payload, QueueDispatch dispatch) {
    PullRequestEvent event;
    try {
      event = GitHubPullRequests.read(payload);
    } catch (IOException | RuntimeException e) {
      LOGGER.log(Level.WARNING, "terragruntQueue: cannot read pull request #" + payload.getNumber()
          + " of the event: " + e.getMessage(), e);
      return;
    }
    for (QueueTrigger trigger : QueueTrigger.active()) {
      if (!trigger.watches(event.repository())) {
        continue;
      }
      try {
        dispatch.accept(trigger, event);
      } catch (IOException | QueueException e) {
        LOGGER.log(Level.WARNING, "terragruntQueue " + trigger.queueName() + ": PR #" + event.pr() + ": "
            + e.getMessage(), e);
      }
    }
  }
}
