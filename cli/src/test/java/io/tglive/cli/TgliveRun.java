package io.tglive.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code tglive} in-process and keeps what its last execution printed to standard output and error. */
final class TgliveRun {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs the command line with these arguments and returns its exit code. */
  int execute(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine commandLine = Tglive.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** What the last execution printed to standard output. */
  String out() {
    return out.toString();
  }

  /** What the last execution printed to standard error. */
  String err() {
    return err.toString();
  }
}
