package io.tglive.run.local;

import io.tglive.run.CommandSpec;

/** Learns the process of each command, so that a resumed run can find and stop one left behind. */
public interface ProcessObserver {

  /** {@code process} now runs {@code command}. */
  void started(CommandSpec command, ProcessHandle process);

  /** {@code process} has ended and none of its descendants is left. */
  void ended(CommandSpec command, ProcessHandle process);
}
