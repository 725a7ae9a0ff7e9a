package io.tglive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process's standard error is a terminal, where progress lines belong. */
final class StandardError {

  private static final Path LINUX_STDERR = Path.of("/proc/self/fd/2");

  private StandardError() {}

  /**
   * True when standard error is a terminal. On Linux this reads where file descriptor 2 points;
   * elsewhere it falls back to Java's console, which needs standard input and output on a terminal.
   */
  static boolean isTerminal() {
    try {
      if (Files.isSymbolicLink(LINUX_STDERR)) {
        return isTerminalDevice(Files.readSymbolicLink(LINUX_STDERR).toString());
      }
    } catch (IOException | SecurityException e) {
      // Not readable here: decide as on other systems.
    }
    return System.console() != null;
  }

  /** True for the device paths of terminals: pseudo-terminals and consoles. */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
  }
}
