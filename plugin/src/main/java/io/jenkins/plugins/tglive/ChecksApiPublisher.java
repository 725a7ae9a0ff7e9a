package io.jenkins.plugins.tglive;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;

/**
 * Publishes a {@link PreviewCheck} through the Checks API plugin: github-checks turns it into a
 * GitHub check run on the build's head commit (and other SCM plugins into theirs); without a
 * publisher for the build's SCM, the Checks API logs that none was found.
 */
final class ChecksApiPublisher {

  private ChecksApiPublisher() {}

  /** Publishes {@code check} for {@code run}. */
  static void publish(Run<?, ?> run, TaskListener listener, PreviewCheck check) {
    ChecksDetails.ChecksDetailsBuilder details = new ChecksDetails.ChecksDetailsBuilder()
        .withName(check.name())
        .withStatus(check.completed() ? ChecksStatus.COMPLETED : ChecksStatus.IN_PROGRESS)
        .withOutput(new ChecksOutput.ChecksOutputBuilder()
            .withTitle(check.title())
            .withSummary(check.summary())
            .build());
    if (check.completed()) {
      details.withConclusion(check.success() ? ChecksConclusion.SUCCESS : ChecksConclusion.FAILURE);
    }
    ChecksPublisherFactory.fromRun(run, listener).publish(details.build());
  }
}
