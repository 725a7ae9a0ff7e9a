package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.tglive.queue.QueueException;
import java.io.IOException;
import java.util.Optional;

/**
 * When a deploy queue's build completes, reports it to the queue (succeeded, or a failed attempt:
 * re-queued, or dropped after the trigger's {@code maxAttempts}) and starts the next entry.
 */
@Extension
public final class QueueRunListener extends RunListener<Run<?, ?>> {

  @Override
  public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
    QueueBuildAction action = run.getAction(QueueBuildAction.class);
    if (action == null) {
      return;
    }
    Optional<QueueTrigger> trigger = QueueTrigger.of(run.getParent());
    QueueBuild build = action.build();
    if (trigger.isEmpty()) {
      listener.getLogger().println("terragruntQueue: the job no longer has the trigger; PR #" + build.pr()
          + " stays deploying in queue " + build.queue() + " until completed by hand");
      return;
    }
    Result result = run.getResult();
    boolean success = QueueBuilds.succeeded(result);
    try {
      QueueDispatch.jenkins().completed(trigger.get(), build, success, String.valueOf(result),
          listener.getLogger()::println);
    } catch (IOException | QueueException e) {
      listener.getLogger().println("terragruntQueue: cannot record the deployment of PR #" + build.pr() + " in queue "
          + build.queue() + ": " + e.getMessage());
    }
  }
}
