package io.jenkins.plugins.tglive;

import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.StringParameterValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.ParameterizedJobMixIn;

/** Schedules the deploy build of a queue entry: its parameters, a cause naming it, and its queue action. */
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
}
