package io.jenkins.plugins.tglive;

import hudson.model.Cause;

/** Why a deploy build started: the queue entry it deploys, named in the build's page and log. */
public final class QueueCause extends Cause {

  private final String description;

  QueueCause(QueueBuild build) {
    this.description = "Started by the Terragrunt " + build.describe();
  }

  @Override
  public String getShortDescription() {
    return description;
  }
}
