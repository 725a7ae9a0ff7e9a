package io.tglive.run.deploy;

import io.tglive.run.local.ProcessTrees;
import io.tglive.run.state.EventType;
import io.tglive.run.state.OpenProcess;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  /** The variable every unit command of a run carries, naming the run's directory. */
  static final String MARKER = "TGLIVE_RUN_DIR";

  /** The marker of the run in {@code runDirectory}, carried by every local process of its units. */
  static Map<String, String> marker(Path runDirectory) {
    return Map.of(MARKER, runDirectory.toAbsolutePath().normalize().toString());
  }

  /**
   * Stops every process that carries the marker of the run in {@code runDirectory}: a command the
   * killed run had started but not yet journaled (the kill fell between the start and its
   * {@code PROCESS_STARTED}), and whatever it started. Reads {@code /proc}; elsewhere finds none.
   */
  static int stopMarked(Path runDirectory, Duration grace) {
    byte[] marker = ("\0" + MARKER + "=" + runDirectory.toAbsolutePath().normalize() + "\0")
        .getBytes(StandardCharsets.UTF_8);
    long self = ProcessHandle.current().pid();
    int stopped = 0;
    for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
      if (process.pid() != self && process.isAlive() && carries(process.pid(), marker)) {
        ProcessTrees.stop(process, grace);
        stopped++;
      }
    }
    return stopped;
  }

  private static boolean carries(long pid, byte[] marker) {
    byte[] environ;
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
      environ = new byte[raw.length + 1];
      System.arraycopy(raw, 0, environ, 1, raw.length);
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      return false;
    }
    outer:
    for (int i = 0; i + marker.length <= environ.length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (environ[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean sameStart(ProcessHandle handle, OpenProcess process) {
    Optional<Instant> start = handle.info().startInstant();
    return process.start() == null || start.isEmpty() || start.get().toString().equals(process.start());
  }
}
