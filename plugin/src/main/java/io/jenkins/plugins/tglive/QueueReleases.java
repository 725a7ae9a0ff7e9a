package io.jenkins.plugins.tglive;

import hudson.model.Job;
import hudson.model.Run;
import io.tglive.run.stepwise.StepwiseRun;
import java.io.IOException;

/**
 * Release change in Jenkins: finds the running build of a queue entry (by its {@link QueueBuildAction})
 * among the job's latest builds and releases its deploy run ({@link StepwiseRun#release}): its running
 * applies finish, its units not started are blocked with the reason, and its later unit steps fail.
 */
final class QueueReleases {

  /** How many of the job's latest builds are searched for the entry's build. */
  static final int SEARCHED = 50;

  private QueueReleases() {}

  /**
   * Releases the deploy run of {@code entry}'s running build with {@code why}; false when there is
   * none yet (the build waits in the Jenkins queue, or has not called {@code terragruntStack}: the
   * deploy run is released when it starts, see {@link QueueDispatch#runStarted}).
   */
  static boolean release(Job<?, ?> job, QueueBuild entry, String why) throws IOException {
    Run<?, ?> build = job.getLastBuild();
    for (int searched = 0; build != null && searched < SEARCHED; searched++) {
      QueueBuildAction action = build.getAction(QueueBuildAction.class);
      if (action != null && action.build().queue().equals(entry.queue())
          && action.build().entryId() == entry.entryId()) {
        StepwiseRun run = build.isBuilding() ? BuildRuns.of(build) : null;
        if (run == null) {
          return false;
        }
        run.release(why);
        return true;
      }
      build = build.getPreviousBuild();
    }
    return false;
  }
}
