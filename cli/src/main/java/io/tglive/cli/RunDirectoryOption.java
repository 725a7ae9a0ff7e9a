package io.tglive.cli;

import io.tglive.run.state.RunLedger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a run named on the command line: its id under {@code <repo>/.tglive/runs}, or its directory. */
final class RunDirectoryOption {

  private RunDirectoryOption() {}

  /** The run's directory, or empty when neither place holds a run. */
  static Optional<Path> find(Path repo, String run) {
    Path byId = repo.toAbsolutePath().normalize().resolve(".tglive/runs").resolve(run);
    Path directory = Files.isDirectory(byId) ? byId : Path.of(run).toAbsolutePath().normalize();
    return Files.isRegularFile(directory.resolve(RunLedger.JOURNAL)) ? Optional.of(directory) : Optional.empty();
  }

  /** The error line for a run that is not there. */
  static String notFound(Path repo, String run) {
    Path byId = repo.toAbsolutePath().normalize().resolve(".tglive/runs").resolve(run);
    return "error: --run " + run + ": no run there (looked in " + byId + " and "
        + Path.of(run).toAbsolutePath().normalize() + ")";
  }
}
