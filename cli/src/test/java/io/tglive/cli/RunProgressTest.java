package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunProgressTest {

  @TempDir Path tmp;

  private final StringWriter screen = new StringWriter();

  private void record(boolean terminal) throws Exception {
    RunHeader header = new RunHeader("r", "/repo", "b", "b", "h", "h", List.of(
        new RunUnit("a", false, null, List.of(), 1, List.of(), 0, 1),
        new RunUnit("b", false, "prod", List.of("a"), 0, List.of("alice"), 1, 1)));
    try (RunLedger ledger = RunLedger.create(tmp, header)) {
      ledger.listen(new RunProgress(new PrintWriter(screen, true), terminal));
      ledger.record(RunEvent.of(EventType.PLANNING, "a"));
      ledger.record(RunEvent.of(EventType.NO_CHANGES, "a"));
      ledger.record(RunEvent.of(EventType.PLANNING, "b"));
      ledger.record(RunEvent.of(EventType.AWAITING_APPROVAL, "b"));
    }
  }

  @Test
  void withoutATerminalEachStepIsOnePlainTimestampedLine() throws Exception {
    record(false);
    assertThat(screen.toString().lines().toList()).hasSize(4)
        .allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d .*"))
        .anyMatch(line -> line.endsWith("no change a"))
        .anyMatch(line -> line.endsWith("approval  b"));
    assertThat(screen.toString()).doesNotContain("\r").doesNotContain("\u001b");
  }

  @Test
  void onATerminalAStatusLineCountsDoneRunningAndWaiting() throws Exception {
    record(true);
    String last = screen.toString().substring(screen.toString().lastIndexOf('\r'));
    assertThat(last).startsWith("\r[1/2 done] running 0 | waiting for approval 1 | 00:");
    assertThat(screen.toString()).contains("no change a\n");
  }
}
