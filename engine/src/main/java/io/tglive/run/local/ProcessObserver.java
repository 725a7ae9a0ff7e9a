package io.tglive.run.local;

import io.tglive.run.CommandSpec;
import java.util.Map;

/** Learns the process of each command, so that a resumed run can find and stop one left behind. */
public interface ProcessObserver {

  /** Observes nothing: for commands that nothing resumes (previews). */
  ProcessObserver NONE = new ProcessObserver() {
    @Override
    public void started(CommandSpec command, ProcessHandle process) {}

    @Override
    public void ended(CommandSpec command, ProcessHandle process) {}
  };

  /**
   * Variables every observed process carries (and its children inherit), so that one started but not
   * yet observed when its runner was killed can still be found; none by default.
   */
  default Map<String, String> marker() {
    return Map.of();
  }

  /** {@code process} now runs {@code command}. */
  void started(CommandSpec command, ProcessHandle process);

  /** {@code process} has ended and none of its descendants is left. */
  void ended(CommandSpec command, ProcessHandle process);
}
