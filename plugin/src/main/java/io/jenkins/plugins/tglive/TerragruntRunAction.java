package io.jenkins.plugins.tglive;

import hudson.model.Run;
import io.tglive.report.html.RunReport;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.state.RunJournal;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunState;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * The build's deploy run, at {@code …/tglive/}: the run's HTML report (the engine's
 * {@link RunReport}, rendered from the build's journal on each request, so it is live while the build
 * runs) and each unit's log at {@code …/tglive/logs/<unit>.log}, where the report's links point.
 * Only files of the run's own units are served.
 */
public final class TerragruntRunAction implements RunAction2 {

  private static final String HEADERS_CSP = "default-src 'none'; sandbox";

  private transient Run<?, ?> run;

  @Override
  public String getIconFileName() {
    return "symbol-details";
  }

  @Override
  public String getDisplayName() {
    return "Terragrunt deploy";
  }

  @Override
  public String getUrlName() {
    return "tglive";
  }

  @Override
  public void onAttached(Run<?, ?> r) {
    run = r;
  }

  @Override
  public void onLoad(Run<?, ?> r) {
    run = r;
  }

  /** The build it belongs to. */
  public Run<?, ?> getRun() {
    return run;
  }

  /** The run directory. */
  Path directory() {
    return BuildRuns.directory(run).toPath();
  }

  /** How many units have each status, as the build page's summary shows it: {@code 2 applied, 1 failed}. */
  public String getSummary() throws IOException {
    RunState state = state(directory());
    Map<UnitStatus, Long> counts = new EnumMap<>(UnitStatus.class);
    for (UnitRecord record : state.units().values()) {
      counts.merge(record.status(), 1L, Long::sum);
    }
    String outcome = state.outcome() == null ? "not ended" : state.outcome();
    return outcome + ": " + (counts.isEmpty() ? "no units" : counts.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")));
  }

  /** The report, at {@code …/tglive/}. */
  public void doIndex(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
    byte[] html = RunReport.html(directory()).getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("X-Content-Type-Options", "nosniff");
    write(response, html);
  }

  /** A unit's log, at {@code …/tglive/logs/<unit with / as __>.log}; 404 for anything else. */
  public void doLogs(StaplerRequest2 request, StaplerResponse2 response) throws IOException {
    String name = request.getRestOfPath();
    name = name.startsWith("/") ? name.substring(1) : name;
    Path log = null;
    for (UnitRecord record : state(directory()).units().values()) {
      if ((UnitLogs.fileName(record.path()) + ".log").equals(name)) {
        log = new UnitLogs(directory().resolve("logs")).file(record.path());
      }
    }
    if (log == null || !Files.isRegularFile(log)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", HEADERS_CSP);
    write(response, Files.readAllBytes(log));
  }

  private static void write(StaplerResponse2 response, byte[] body) throws IOException {
    response.setContentLength(body.length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(body);
    }
  }

  /** The run's state from its journal, read without opening it for writing (the build may be writing it). */
  private static RunState state(Path directory) throws IOException {
    RunState state = new RunState();
    RunJournal.read(directory.resolve(RunLedger.JOURNAL)).events().forEach(state::apply);
    return state;
  }
}
