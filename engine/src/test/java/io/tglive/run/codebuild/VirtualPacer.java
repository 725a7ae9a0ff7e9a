package io.tglive.run.codebuild;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Virtual time for the runner: sleeping advances the clock at once; records every wait; can cancel. */
final class VirtualPacer implements Pacer {

    /** Something that happens while the runner waits (a simulated build making progress). */
    @FunctionalInterface
    interface Hook {
        void during(int sleepIndex) throws Exception;
    }

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile long now = 1_000_000_000L;
    private volatile Hook hook = i -> { };
    private volatile int interruptAt = -1;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        int index = sleeps.size();
        sleeps.add(duration);
        now += duration.toNanos();
        if (index == interruptAt) {
            throw new InterruptedException("cancelled by the test");
        }
        try {
            hook.during(index);
        } catch (Exception e) {
            throw new IllegalStateException("the test's simulated build failed", e);
        }
    }

    VirtualPacer onSleep(Hook action) {
        this.hook = action;
        return this;
    }

    /** The {@code index}-th sleep (0-based) is interrupted, as a cancel would. */
    VirtualPacer interruptAt(int index) {
        this.interruptAt = index;
        return this;
    }

    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
