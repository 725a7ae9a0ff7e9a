package io.tglive.run.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and every descendant: politely first (SIGTERM), forcibly after a grace period. */
public final class ProcessTrees {

  private ProcessTrees() {}

  /** Stops {@code root} and its descendants; returns when all of them have ended or been killed. */
  public static void stop(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
    tree.add(0, root);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle process : tree) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          process.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception e) {
        // still alive after the grace period, killed below
      }
    }
    root.descendants().forEach(ProcessHandle::destroyForcibly);
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle process : tree) {
      try {
        process.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // a zombie we cannot wait for any longer; nothing else to do
      }
    }
  }
}
