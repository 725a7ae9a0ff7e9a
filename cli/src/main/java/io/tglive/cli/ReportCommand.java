package io.tglive.cli;

import io.tglive.report.html.RunReport;
import io.tglive.run.state.RunLedger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive report}: renders the HTML report of a run again from its run directory. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Writes the HTML report of a run (report.html in its run directory) from its journal.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the report was written", "2:no run there, or the run directory cannot be read or written"})
final class ReportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository whose .tglive/runs holds the run (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Option(names = "--run", paramLabel = "RUN", required = true,
      description = "The run: its id (under <repo>/.tglive/runs) or its directory.")
  private String run;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path byId = repo.toAbsolutePath().normalize().resolve(".tglive/runs").resolve(run);
    Path directory = Files.isDirectory(byId) ? byId : Path.of(run).toAbsolutePath().normalize();
    if (!Files.isRegularFile(directory.resolve(RunLedger.JOURNAL))) {
      err.println("error: --run " + run + ": no run there (looked in " + byId + " and " + directory + ")");
      err.flush();
      return Tglive.ERROR;
    }
    try {
      out.println("report: " + RunReport.write(directory));
      out.flush();
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return Tglive.ERROR;
    }
  }
}
