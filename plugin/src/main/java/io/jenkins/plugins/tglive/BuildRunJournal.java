package io.jenkins.plugins.tglive;

import hudson.model.Run;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunLedger;
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

  /** Appends an event to the run's journal and forces it to disk; one writer at a time in this JVM. */
  static synchronized void record(Path directory, RunEvent event) throws IOException {
    try (RunLedger ledger = RunLedger.open(directory)) {
      ledger.record(event);
    }
  }
}
