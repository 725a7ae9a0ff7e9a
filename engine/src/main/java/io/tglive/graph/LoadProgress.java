package io.tglive.graph;

/** Receives progress while units are found and evaluated; called from worker threads. */
@FunctionalInterface
public interface LoadProgress {

  /** Reports nothing. */
  LoadProgress NONE = (done, total) -> {};

  /**
   * {@code done} units have been evaluated, of {@code total}; {@code total} is -1 while the walk of
   * the repository is still finding units. The last call, made once everything is evaluated, has
   * {@code done == total}; no other call does.
   */
  void unitsEvaluated(int done, int total);
}
