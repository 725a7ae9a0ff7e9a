package io.tglive.approval.notify;

import java.util.Optional;
import java.util.function.Consumer;

/** One way of telling voters (email, a webhook). Runs on the dispatcher's background threads only. */
public interface NoticeChannel {

  /** How the channel names itself in log lines; never holds a secret. */
  String name();

  /**
   * What to deliver for a notice, empty when the channel has nobody to tell (it logs why). Runs
   * once per notice; the delivery may be tried several times.
   */
  Optional<Delivery> prepare(GateNotice notice);

  /** As {@link #prepare(GateNotice)}, also telling {@code noticeLog} why someone is left out. */
  default Optional<Delivery> prepare(GateNotice notice, Consumer<String> noticeLog) {
    return prepare(notice);
  }

  /** One message, ready to send. */
  @FunctionalInterface
  interface Delivery {

    /** Sends it; throws when it was not accepted, so the dispatcher tries again later. */
    void deliver() throws Exception;
  }
}
