package io.tglive.report.html;

import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunState;
import io.tglive.run.state.UnitRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the report shows, read from a run directory: the header (the stack), every unit's record, the run's
 * outcome, the timeline, and which units have a log file.
 *
 * @param header what the run deploys
 * @param units every unit's record by path
 * @param outcome {@code succeeded}, {@code failed}, {@code rejected}, or null when the run has not ended
 * @param timeline the times of the run and its units
 * @param logs the relative link of each unit's log file ({@code logs/<name>.log}), for units that have one
 */
record RunView(RunHeader header, SortedMap<String, UnitRecord> units, String outcome, RunTimeline timeline,
    Map<String, String> logs) {

  /** Reads the journal of the run in {@code directory}. */
  static RunView read(Path directory) throws IOException {
    List<RunEvent> events = RunJournal.read(directory.resolve(RunLedger.JOURNAL)).events();
    if (events.isEmpty() || events.get(0).header() == null) {
      throw new IOException(directory + ": not a run directory (no " + RunLedger.JOURNAL + " starting with the run)");
    }
    RunState state = new RunState();
    events.forEach(state::apply);
    SortedMap<String, String> logs = new TreeMap<>();
    UnitLogs files = new UnitLogs(directory.resolve("logs"));
    for (String unit : state.units().keySet()) {
      if (Files.isRegularFile(files.file(unit))) {
        logs.put(unit, "logs/" + Html.urlSegment(files.file(unit).getFileName().toString()));
      }
    }
    return new RunView(state.header(), new TreeMap<>(state.units()), state.outcome(), RunTimeline.of(events), logs);
  }
}
