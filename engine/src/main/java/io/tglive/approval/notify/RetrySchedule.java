package io.tglive.approval.notify;

import java.time.Duration;

/**
 * How often and when a notification that failed is tried again: the delay doubles after each
 * failure, up to {@code maxDelay}.
 *
 * @param attempts   tries in all, at least 1
 * @param firstDelay the wait after the first failure
 * @param maxDelay   the longest wait between two tries
 */
public record RetrySchedule(int attempts, Duration firstDelay, Duration maxDelay) {

  /** Five tries over about half a minute: 2 s, 4 s, 8 s, 16 s apart. */
  public static final RetrySchedule DEFAULT = new RetrySchedule(5, Duration.ofSeconds(2), Duration.ofMinutes(1));

  public RetrySchedule {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
    }
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
    }
  }

  /** The wait after failed try number {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    Duration delay = firstDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
