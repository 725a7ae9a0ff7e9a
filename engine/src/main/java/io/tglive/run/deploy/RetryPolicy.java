package io.tglive.run.deploy;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * When a failed plan or show is tried again: its output matched one of {@code patterns}, or the
 * runner reported a transient failure; at most {@code maxAttempts} runs in all, waiting
 * {@code initialBackoff}, then twice as long each time (with up to 25% jitter). Applies are never
 * retried.
 *
 * @param patterns regular expressions searched in each output line of the failed attempt
 * @param maxAttempts total runs of one command, at least 1
 * @param initialBackoff the wait before the second run
 */
public record RetryPolicy(List<Pattern> patterns, int maxAttempts, Duration initialBackoff) {

  /** Throttling and state-lock timeouts, three attempts, 5 s then 10 s. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(List.of(
      Pattern.compile("(?i)throttl"),
      Pattern.compile("(?i)rate exceeded"),
      Pattern.compile("(?i)too many requests"),
      Pattern.compile("(?i)error acquiring the state lock"),
      Pattern.compile("(?i)timeout while waiting for (the )?state lock")), 3, Duration.ofSeconds(5));

  public RetryPolicy {
    patterns = List.copyOf(patterns);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** This policy also retrying failures whose output matches one of {@code more}. */
  public RetryPolicy withPatterns(List<Pattern> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Pattern> all = new java.util.ArrayList<>(patterns);
    all.addAll(more);
    return new RetryPolicy(all, maxAttempts, initialBackoff);
  }

  /** Whether a line of a failed attempt's output makes it worth another try. */
  public boolean transientLine(String line) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }

  /** How long to wait after failed attempt {@code attempt} (from 1). */
  public Duration backoff(int attempt) {
    long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(base + (long) (base * 0.25 * Math.random()));
  }
}
