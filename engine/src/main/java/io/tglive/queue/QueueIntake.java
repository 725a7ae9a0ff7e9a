package io.tglive.queue;

import java.io.IOException;

/**
 * Turns pull request events into queue operations: a pull request merged into the queue's base branch
 * joins the queue; a new commit of a queued pull request supersedes its entry, or (when it is deploying)
 * release-changes to it; anything else leaves the queue alone, with the reason.
 */
public final class QueueIntake {

  private final DeployQueue deployQueue;
  private final String queue;
  private final String baseBranch;

  /** Events into {@code baseBranch} go to {@code queue} of {@code deployQueue}. */
  public QueueIntake(DeployQueue deployQueue, String queue, String baseBranch) {
    this.deployQueue = deployQueue;
    this.queue = queue;
    this.baseBranch = PullRequestEvent.branch(baseBranch);
  }

  /** Applies {@code event}; bad events (no commit, a bad merge time) are a {@link QueueException}. */
  public Intake accept(PullRequestEvent event) throws IOException, QueueException {
    String pr = "PR #" + event.pr();
    if (!event.baseBranch().equals(baseBranch)) {
      return ignored(pr + " targets " + event.baseBranch() + ", not " + baseBranch);
    }
    if ("closed".equals(event.action())) {
      if (!event.merged()) {
        return ignored(pr + " was closed without merging");
      }
      if (event.mergeCommit() == null || event.mergeCommit().isBlank()) {
        throw new QueueException(pr + " was merged into " + baseBranch + " but the event has no merge commit");
      }
      return added(event, event.mergeCommit());
    }
    if ("synchronize".equals(event.action())) {
      QueueState state = deployQueue.state();
      boolean waiting = state.waitingFor(queue, event.pr()).isPresent();
      boolean deploying = state.deploying(queue).filter(e -> e.pr() == event.pr()).isPresent();
      if (!waiting && !deploying) {
        return ignored(pr + " has a new commit but is not queued in " + queue);
      }
      String merge = event.mergeCommit() == null || event.mergeCommit().isBlank()
          ? event.headCommit() : event.mergeCommit();
      Intake intake = added(event, merge);
      if (deploying && intake.changed()) {
        QueueEntry front = deployQueue.releaseChange(queue, event.pr(), event.author());
        return new Intake(Intake.Kind.RELEASE_CHANGED, front, pr + " is deploying: release change to "
            + front.label() + ", the deployment is asked to stop");
      }
      return intake;
    }
    return ignored(pr + ": '" + event.action() + "' does not change the queue");
  }

  private Intake added(PullRequestEvent event, String mergeCommit) throws IOException, QueueException {
    AddResult result = deployQueue.add(new Enqueue(queue, event.repository(), event.pr(), event.baseBranch(),
        event.headCommit(), mergeCommit, event.author(), event.mergedAt()));
    if (!result.added()) {
      return new Intake(Intake.Kind.DUPLICATE, result.entry(), result.entry().label() + " is already in queue "
          + queue + " (" + result.entry().state().label() + ")");
    }
    if (result.superseded() != null) {
      return new Intake(Intake.Kind.SUPERSEDED, result.entry(), result.entry().label() + " supersedes "
          + result.superseded().label() + " in queue " + queue);
    }
    return new Intake(Intake.Kind.ENQUEUED, result.entry(), result.entry().label() + " joined queue " + queue);
  }

  private static Intake ignored(String why) {
    return new Intake(Intake.Kind.IGNORED, null, why);
  }
}
