package io.jenkins.plugins.tglive;

import hudson.Extension;
import hudson.model.listeners.ItemListener;
import io.tglive.queue.QueueException;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Once Jenkins has loaded its jobs, their builds and its saved queue after a start, recovers every
 * {@code terragruntQueue}: a deploying entry whose build was lost is scheduled again, one whose build
 * ended unrecorded is completed, and the head starts if nothing deploys ({@link QueueDispatch#recover}).
 */
@Extension
public final class QueueRecovery extends ItemListener {

  private static final Logger LOGGER = Logger.getLogger(QueueRecovery.class.getName());

  @Override
  public void onLoaded() {
    Timer.get().execute(QueueRecovery::recoverAll);
  }

  static void recoverAll() {
    QueueDispatch dispatch = QueueDispatch.jenkins();
    for (QueueTrigger trigger : QueueTrigger.active()) {
      try {
        dispatch.recover(trigger, LOGGER::info);
      } catch (IOException | QueueException | RuntimeException e) {
        LOGGER.log(Level.WARNING, "terragruntQueue " + trigger.queueName() + ": cannot recover after the restart: "
            + e.getMessage(), e);
      }
    }
  }
}
