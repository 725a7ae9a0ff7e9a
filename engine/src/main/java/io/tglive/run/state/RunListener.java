package io.tglive.run.state;

/** Told of every event recorded, after the state has taken it in (progress displays). */
@FunctionalInterface
public interface RunListener {

  /** Does nothing. */
  RunListener NONE = (event, state) -> {};

  /** {@code event} was recorded; {@code state} includes it. Called under the ledger's lock: be quick. */
  void recorded(RunEvent event, RunState state);
}
