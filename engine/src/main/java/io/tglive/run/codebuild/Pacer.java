package io.tglive.run.codebuild;

import java.time.Duration;

/** The runner's sense of time: a monotonic clock and a way to wait. Tests pass a virtual one. */
public interface Pacer {

    /** The real clock and {@link Thread#sleep}. */
    Pacer SYSTEM = new Pacer() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }
    };

    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Waits {@code duration}; an interrupt ends the wait with {@link InterruptedException}. */
    void sleep(Duration duration) throws InterruptedException;
}
