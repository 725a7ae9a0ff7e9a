package io.tglive.run.codebuild;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": the n-th wait is {@code min(max, initial × 2ⁿ)}, of which
 * the first half is fixed and the second half random, so parallel runners do not poll in lockstep.
 */
record Backoff(Duration initial, Duration max, RandomGenerator random) {

    /** The wait before poll number {@code attempt} (0 for the first). */
    Duration delay(int attempt) {
        long cap = max.toMillis();
        long base = initial.toMillis() << Math.min(attempt, 30);
        long full = base <= 0 || base > cap ? cap : base;
        long half = full / 2;
        return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
    }
}
