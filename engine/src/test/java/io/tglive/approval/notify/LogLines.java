package io.tglive.approval.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A log that tests read: the lines a notifier wrote, and a wait for one that is expected. */
final class LogLines implements Consumer<String> {

  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void accept(String line) {
    lines.add(line);
    notifyAll();
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Waits until a line matches (at most a minute, so a broken notifier fails the test instead of hanging it). */
  synchronized String await(Predicate<String> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      for (String line : lines) {
        if (wanted.test(line)) {
          return line;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no such log line; the log was:\n" + String.join("\n", lines));
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
