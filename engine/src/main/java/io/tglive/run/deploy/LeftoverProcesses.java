package io.tglive.run.deploy;

import io.tglive.run.local.ProcessTrees;
import io.tglive.run.state.EventType;
import io.tglive.run.state.OpenProcess;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finds the commands a killed run left running (pids in the journal, checked against their start
 * times so that a reused pid is left alone) and stops them with their process trees.
 */
final class LeftoverProcesses {

  private LeftoverProcesses() {}

  /** Stops every leftover process of the ledger's run; records each as ended. Returns how many were alive. */
  static int stop(RunLedger ledger, Duration grace) {
    List<OpenProcess> open = ledger.read(state -> List.copyOf(state.openProcesses().values()));
    int stopped = 0;
    for (OpenProcess process : open) {
      Optional<ProcessHandle> handle = ProcessHandle.of(process.pid()).filter(p -> sameStart(p, process));
      String message = "not running any more";
      if (handle.isPresent() && handle.get().isAlive()) {
        ProcessTrees.stop(handle.get(), grace);
        stopped++;
        message = "left running by the interrupted run: stopped";
      }
      ledger.record(RunEvent.of(EventType.PROCESS_ENDED, process.unit())
          .withProcess(process.pid(), process.start(), process.command()).withMessage(message));
    }
    return stopped;
  }

  private static boolean sameStart(ProcessHandle handle, OpenProcess process) {
    Optional<Instant> start = handle.info().startInstant();
    return process.start() == null || start.isEmpty() || start.get().toString().equals(process.start());
  }
}
