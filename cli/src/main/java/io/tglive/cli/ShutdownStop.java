package io.tglive.cli;

import java.time.Duration;

/**
 * While open, a shutdown (Ctrl-C, SIGTERM) interrupts the thread that opened it and waits for it
 * to stop its commands' process trees, so the journal says where to resume.
 */
final class ShutdownStop implements AutoCloseable {

  private final Thread hook;

  ShutdownStop(Duration grace) {
    Thread main = Thread.currentThread();
    hook = new Thread(() -> {
      main.interrupt();
      try {
        main.join(grace.plusSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tglive-run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: let it finish
    }
  }
}
