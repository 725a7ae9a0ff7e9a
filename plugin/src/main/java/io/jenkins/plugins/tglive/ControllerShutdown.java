package io.jenkins.plugins.tglive;

import hudson.init.Terminator;
import java.io.IOException;

/**
 * Closes this controller's handles on the builds' deploy runs when Jenkins shuts down, leaving each run
 * as a crash would: the next controller (or a restart in the same JVM) opens it again and records it as
 * resumed.
 */
public final class ControllerShutdown {

  private ControllerShutdown() {}

  /** Run by Jenkins while it shuts down (a public method of a public class: Jenkins calls it reflectively). */
  @Terminator
  public static void closeOpenRuns() throws IOException {
    BuildRuns.closeAll();
  }
}
