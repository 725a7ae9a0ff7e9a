package io.jenkins.plugins.tglive;

import hudson.model.queue.CauseOfBlockage;

/** Why a build of a deploy queue waits in the Jenkins queue: {@code waiting: PR #12 is deploying}. */
public final class QueueBlockage extends CauseOfBlockage {

  private final String reason;

  QueueBlockage(String reason) {
    this.reason = reason;
  }

  @Override
  public String getShortDescription() {
    return reason;
  }
}
