package io.tglive.graph;

/** Receives progress while units are evaluated; called from worker threads. */
@FunctionalInterface
public interface LoadProgress {

  /** Reports nothing. */
  LoadProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} units have been evaluated. */
  void unitsEvaluated(int done, int total);
}
