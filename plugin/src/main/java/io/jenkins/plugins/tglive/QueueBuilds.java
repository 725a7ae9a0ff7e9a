package io.jenkins.plugins.tglive;

import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.StringParameterValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

/** Schedules the deploy build of a queue entry (its parameters, a cause naming it, its queue action), and finds it. */
final class QueueBuilds {

  private QueueBuilds() {}

  /** Schedules it at once; false when Jenkins refused (a disabled job). */
  static boolean schedule(Job<?, ?> job, QueueBuild build) {
    List<ParameterValue> parameters = new ArrayList<>();
    for (Map.Entry<String, String> parameter : build.parameters().entrySet()) {
      parameters.add(new StringParameterValue(parameter.getKey(), parameter.getValue()));
    }
    return ParameterizedJobMixIn.scheduleBuild2(job, 0, new CauseAction(new QueueCause(build)),
        new ParametersAction(parameters), new QueueBuildAction(build)) != null;
  }

  /**
   * Where Jenkins holds the build of {@code build}'s deployment: in its queue, running, ended, or nowhere.
   * Reads the queue's items, then the job's builds newest first down to the first one started before
   * {@code since} (when the entry joined the queue: no build of it is older).
   */
  static QueueDispatch.Sighting find(Job<?, ?> job, QueueBuild build, Instant since) {
    for (Queue.Item item : Jenkins.get().getQueue().getItems()) {
      QueueBuildAction action = item.getAction(QueueBuildAction.class);
      if (item.getTask() == job && action != null && action.build().sameDeployment(build)) {
        return QueueDispatch.Sighting.QUEUED;
      }
    }
    for (Run<?, ?> run = job.getLastBuild(); run != null && run.getTimeInMillis() >= since.toEpochMilli();
        run = run.getPreviousBuild()) {
      QueueBuildAction action = run.getAction(QueueBuildAction.class);
      if (action != null && action.build().sameDeployment(build)) {
        return run.isBuilding() ? QueueDispatch.Sighting.RUNNING
            : QueueDispatch.Sighting.ended(succeeded(run.getResult()), String.valueOf(run.getResult()));
      }
    }
    return QueueDispatch.Sighting.NONE;
  }

  /** Whether a deploy build's result counts as a successful deployment. */
  static boolean succeeded(Result result) {
    return result != null && result.isBetterOrEqualTo(Result.SUCCESS);
  }
}
