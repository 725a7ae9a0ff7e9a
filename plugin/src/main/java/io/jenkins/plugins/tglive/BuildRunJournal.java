package io.jenkins.plugins.tglive;

import hudson.model.Run;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunLedger;
import io.tglive.run.stepwise.StepwiseRun;
import io.tglive.run.state.RunState;
import java.io.IOException;
import java.nio.file.Path;

/** A build's run directory ({@code <build dir>/tglive}, the layout of a {@code tglive run} directory) and its journal. */
final class BuildRunJournal {

  private BuildRunJournal() {}

  /** The build's run directory. */
  static Path directory(Run<?, ?> run) {
    return run.getRootDir().toPath().resolve("tglive");
  }

  /** The run's state as its journal says. */
  static RunState read(Path directory) throws IOException {
    RunState state = new RunState();
    RunJournal.read(directory.resolve(RunLedger.JOURNAL)).events().forEach(state::apply);
    return state;
  }

  /**
   * Appends an event to the run's journal through the build's one open run (never a second handle:
   * the run numbers events and keeps its state from them), forced to disk when the event needs it.
   */
  static void record(Path directory, RunEvent event) throws IOException {
    StepwiseRun open = BuildRuns.at(directory);
    if (open == null) {
      throw new IOException(directory + ": not a run directory (no " + RunLedger.JOURNAL + ")");
    }
    open.ledger().record(event);
  }
}
