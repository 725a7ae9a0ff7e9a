package io.jenkins.plugins.tglive;

import hudson.model.Action;
import hudson.model.InvisibleAction;
import hudson.model.Queue;
import java.util.List;

/**
 * Marks a build (queued, then running) as the deployment of one queue entry. As a {@link Queue.QueueAction}
 * that always asks for its own build, it keeps Jenkins from folding two merges into one build (a queued
 * item of the same job is otherwise a duplicate). Kept in build.xml as plain fields.
 */
public final class QueueBuildAction extends InvisibleAction implements Queue.QueueAction {

  private final String queue;
  private final long entryId;
  private final int attempt;
  private final int pr;
  private final String headCommit;
  private final String mergeCommit;
  private final String baseRef;

  QueueBuildAction(QueueBuild build) {
    this.queue = build.queue();
    this.entryId = build.entryId();
    this.attempt = build.attempt();
    this.pr = build.pr();
    this.headCommit = build.headCommit();
    this.mergeCommit = build.mergeCommit();
    this.baseRef = build.baseRef();
  }

  /** The queue entry this build deploys. */
  QueueBuild build() {
    return new QueueBuild(queue, entryId, attempt, pr, headCommit, mergeCommit, baseRef);
  }

  /** Always: every merge gets its own build. */
  @Override
  public boolean shouldSchedule(List<Action> actions) {
    return true;
  }
}
