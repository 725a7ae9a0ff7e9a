package io.tglive.rollback;

import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunState;
import io.tglive.run.state.UnitRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A run as its journal records it, read without opening it for writing.
 *
 * @param directory the run directory
 * @param header what the run deployed
 * @param units every unit's record
 * @param outcome {@code succeeded}, {@code failed}, {@code rejected}, or null when the run has not ended
 */
public record RunRecord(Path directory, RunHeader header, Map<String, UnitRecord> units, String outcome) {

  public RunRecord {
    units = Map.copyOf(units);
  }

  /** Reads the run in {@code directory}; a directory without a run's journal is an error. */
  public static RunRecord read(Path directory) throws IOException {
    RunJournal.Loaded loaded = RunJournal.read(directory.resolve(RunLedger.JOURNAL));
    RunState state = new RunState();
    loaded.events().forEach(state::apply);
    if (state.header() == null) {
      throw new IOException(directory + ": not a run directory (no " + RunLedger.JOURNAL + " starting with the run)");
    }
    return new RunRecord(directory, state.header(), state.units(), state.outcome());
  }
}
