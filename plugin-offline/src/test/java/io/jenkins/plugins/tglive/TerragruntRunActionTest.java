package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Run;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** The build's Terragrunt deploy page: the live report, unit logs and nothing else, and well-formed Jelly. */
class TerragruntRunActionTest {

  @TempDir Path dir;

  private final Run<?, ?> run = mock(Run.class);
  private final TerragruntRunAction action = new TerragruntRunAction();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final StaplerResponse2 response = mock(StaplerResponse2.class);
  private final StaplerRequest2 request = mock(StaplerRequest2.class);

  @BeforeEach
  void run() throws Exception {
    when(run.getRootDir()).thenReturn(dir.toFile());
    action.onAttached(run);
    RunUnit net = new RunUnit("live/net", false, null, List.of(), 1, List.of(), 0, 0);
    RunUnit app = new RunUnit("live/<app>", false, null, List.of("live/net"), 0, List.of(), 0, 0);
    try (RunLedger ledger = RunLedger.create(dir.resolve("tglive"), new RunHeader("job#3", "/ws", "main",
        "a".repeat(40), "HEAD", "b".repeat(40), List.of(net, app)))) {
      ledger.record(RunEvent.of(EventType.PLANNING, "live/net"));
      ledger.record(RunEvent.of(EventType.FAILED, "live/net").withMessage("plan failed (exit 1)"));
      ledger.record(RunEvent.of(EventType.BLOCKED, "live/<app>").withMessage("blocked by live/net"));
    }
    Files.createDirectories(dir.resolve("tglive/logs"));
    Files.writeString(dir.resolve("tglive/logs/live__net.log"), "== exit 1\n");
    when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
      @Override
      public void write(int b) {
        body.write(b);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}
    });
  }

  @Test
  void theIndexIsTheRunsReportRenderedFromTheJournalWithEveryUnitEscaped() throws Exception {
    action.doIndex(request, response);

    String html = body.toString(StandardCharsets.UTF_8);
    verify(response).setContentType("text/html;charset=UTF-8");
    assertThat(html).contains("data-unit=\"live/net\" data-status=\"failed\"")
        .contains("data-unit=\"live/&lt;app&gt;\" data-status=\"blocked\"")
        .contains("href=\"logs/live__net.log\"")
        .doesNotContain("live/<app>");
    assertThat(action.getSummary()).isEqualTo("not ended: 1 failed, 1 blocked");
    assertThat(action.getUrlName()).isEqualTo("tglive");
  }

  @Test
  void aUnitsLogIsServedAsPlainText() throws Exception {
    when(request.getRestOfPath()).thenReturn("/live__net.log");

    action.doLogs(request, response);

    assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("== exit 1\n");
    verify(response).setContentType("text/plain;charset=UTF-8");
    verify(response).setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  }

  @Test
  void anythingButAUnitsLogIsNotFound() throws Exception {
    for (String path : List.of("/../journal.jsonl", "/journal.jsonl", "/live__app.log", "/")) {
      when(request.getRestOfPath()).thenReturn(path);
      action.doLogs(request, response);
    }

    verify(response, org.mockito.Mockito.times(4)).sendError(HttpServletResponse.SC_NOT_FOUND);
    assertThat(body.size()).isZero();
  }

  @Test
  void everyJellyViewIsWellFormedXmlWithEscapeByDefault() throws Exception {
    Path resources = Path.of("../plugin/src/main/resources");
    List<Path> views;
    try (Stream<Path> files = Files.walk(resources)) {
      views = files.filter(file -> file.toString().endsWith(".jelly")).toList();
    }
    assertThat(views).contains(resources.resolve("io/jenkins/plugins/tglive/TerragruntRunAction/summary.jelly"));
    for (Path view : views) {
      assertThat(Files.readString(view)).as(view.toString()).startsWith("<?jelly escape-by-default='true'?>");
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(view.toFile());
    }
  }
}
