package io.jenkins.plugins.checks.api;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Optional;

/** Stub: finds the checks publisher of a run. */
public abstract class ChecksPublisherFactory {

  public static ChecksPublisher fromRun(final Run<?, ?> run, final TaskListener listener) {
    throw new UnsupportedOperationException("stub");
  }

  protected Optional<ChecksPublisher> createPublisher(final Run<?, ?> run, final TaskListener listener) {
    throw new UnsupportedOperationException("stub");
  }
}
