package io.jenkins.plugins.tglive;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.tglive.report.html.RunReport;
import io.tglive.rollback.RollbackRun;
import io.tglive.run.state.RunLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ends the deploy run of a build when the build completes: units that did not finish are recorded
 * as cancelled, the outcome is recorded, and {@code report.html} is written in the run directory
 * (and in its rollback's, when {@code tgRollback} started one).
 */
@Extension
@SuppressWarnings("rawtypes")
public final class TerragruntRunListener extends RunListener<Run> {

  @Override
  public void onCompleted(Run r, @NonNull TaskListener listener) {
    Run<?, ?> build = r;
    if (!BuildRuns.exists(build)) {
      return;
    }
    try {
      BuildRuns.end(build, "the build ended before this unit finished");
      RunReport.write(BuildRuns.directory(build).toPath());
      Path rollback = RollbackRun.directory(BuildRuns.directory(build).toPath());
      if (Files.isRegularFile(rollback.resolve(RunLedger.JOURNAL))) {
        RunReport.write(rollback); // the build's rollback (tgRollback), ended with the build
      }
    } catch (IOException | RuntimeException e) {
      listener.getLogger().println("tglive: could not end the deploy run: " + e.getMessage());
    }
  }
}
