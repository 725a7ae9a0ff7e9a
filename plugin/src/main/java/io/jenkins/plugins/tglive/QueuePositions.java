package io.jenkins.plugins.tglive;

import io.tglive.queue.DeployQueue;
import io.tglive.queue.QueueException;
import io.tglive.queue.QueuePosition;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Finds where a commit waits in the deploy queues of this controller's {@code terragruntQueue} triggers. */
final class QueuePositions {

  private static final Logger LOGGER = Logger.getLogger(QueuePositions.class.getName());

  private QueuePositions() {}

  /** The position of the entry whose head or merge commit is {@code commit}, or null when none waits. */
  static QueuePosition ofCommit(String commit) {
    return ofCommit(QueueDispatch.jenkins(), commit);
  }

  static QueuePosition ofCommit(QueueDispatch dispatch, String commit) {
    Set<String> names = new LinkedHashSet<>();
    QueueTrigger.active().forEach(trigger -> names.add(trigger.queueName()));
    for (String name : names) {
      try (DeployQueue queue = dispatch.open(name)) {
        Optional<QueuePosition> position = QueuePosition.ofCommit(queue.state(), commit)
            .filter(p -> p.queue().equals(name));
        if (position.isPresent()) {
          return position.get();
        }
      } catch (IOException | QueueException e) {
        LOGGER.log(Level.WARNING, "tgPreview: cannot read the deploy queue " + name + ": " + e.getMessage(), e);
      }
    }
    return null;
  }
}
