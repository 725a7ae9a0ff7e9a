package io.tglive.run.state;

/** The kinds of journal events. */
public enum EventType {
  /** The run started; carries the {@link RunHeader}. */
  RUN_STARTED,
  /** A later process continues the run. */
  RUN_RESUMED,
  /** A command's process started (pid and start time, to stop it on resume). */
  PROCESS_STARTED,
  /** That process ended (or was stopped on resume). */
  PROCESS_ENDED,
  /** A unit is being planned. */
  PLANNING,
  /** A plan with changes was saved; carries its summary and the plan file's digest. */
  PLANNED,
  /** The plan changes nothing: no gate, no apply. */
  NO_CHANGES,
  /** The gate is asked. */
  AWAITING_APPROVAL,
  /** The gate decided (approved or not, who, why). */
  GATED,
  /** The apply of an approved plan started. */
  APPLY_STARTED,
  /** The apply succeeded; carries the plan hash, commit, resources and providers it added. */
  APPLIED,
  /** The unit failed; carries the message. */
  FAILED,
  /** A failed or rejected unit blocks this one. */
  BLOCKED,
  /** {@code --fail-fast} stopped the run before this unit finished. */
  CANCELLED,
  /** The run ended; carries the outcome. */
  RUN_ENDED
}
