package io.jenkins.plugins.tglive;

import hudson.Extension;
import hudson.model.Queue;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.QueueTaskDispatcher;
import java.util.Optional;

/**
 * Keeps a deploy queue's builds one at a time: while an entry deploys, every other build of a job with
 * the queue's {@code terragruntQueue} trigger waits in the Jenkins queue, "waiting: PR #12 is deploying".
 */
@Extension
public final class QueueDispatcher extends QueueTaskDispatcher {

  @Override
  public CauseOfBlockage canRun(Queue.Item item) {
    Optional<QueueTrigger> trigger = QueueTrigger.of(item.task);
    if (trigger.isEmpty()) {
      return null;
    }
    QueueBuildAction action = item.getAction(QueueBuildAction.class);
    String reason = QueueDispatch.jenkins().blockage(trigger.get(), action == null ? null : action.build());
    return reason == null ? null : new QueueBlockage(reason);
  }
}
