package io.tglive.graph;

/** Receives progress while units are found and evaluated; called from worker threads. */
@FunctionalInterface
public interface LoadProgress {

  /** Reports nothing. */
  LoadProgress NONE = (done, found, allFound) -> {};

  /**
   * {@code done} units of the {@code found} so far have been evaluated; {@code allFound} once the
   * walk of the repository is over. The last call, made once everything is evaluated, has {@code
   * allFound} and {@code done == found}; no other call has both.
   */
  void unitsEvaluated(int done, int found, boolean allFound);
}
