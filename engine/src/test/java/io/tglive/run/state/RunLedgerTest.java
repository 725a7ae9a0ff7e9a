package io.tglive.run.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.terragrunt.PlanReader;
import io.tglive.run.terragrunt.PlanSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLedgerTest {

  @TempDir Path dir;

  private final RunHeader header = new RunHeader("r1", "/repo", "main", "b".repeat(40), "feature", "h".repeat(40),
      List.of(new RunUnit("a", false, null, List.of(), 1, List.of(), 0, 1),
          new RunUnit("b", false, "prod", List.of("a"), 0, List.of("alice"), 1, 1)));

  @Test
  void reopeningFoldsTheJournalIntoTheSameState() throws Exception {
    PlanSummary plan = PlanReader.read("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"x.y\","
        + "\"provider_name\":\"p\",\"change\":{\"actions\":[\"create\"]}}]}");
    try (RunLedger ledger = RunLedger.create(dir, header)) {
      ledger.record(RunEvent.of(EventType.PLANNING, "a"));
      ledger.record(RunEvent.of(EventType.PLANNED, "a").withPlan(plan, "d1"));
      ledger.record(RunEvent.of(EventType.GATED, "a").withDecision(true, "no gate", ""));
      ledger.record(RunEvent.of(EventType.APPLY_STARTED, "a").withPlan(plan, "d1").withCommit("h"));
      ledger.record(RunEvent.of(EventType.PROCESS_STARTED, "a").withProcess(42, "t", "APPLY"));
    }
    try (RunLedger reopened = RunLedger.open(dir)) {
      UnitRecord a = reopened.read(state -> state.units().get("a"));
      assertThat(a.status()).isEqualTo(UnitStatus.APPLYING);
      assertThat(a.applying().hash()).isEqualTo(plan.hash());
      assertThat(a.approvedHash()).isEqualTo(plan.hash());
      java.util.Set<Long> open = reopened.read(state -> Set.copyOf(state.openProcesses().keySet()));
      assertThat(open).containsExactly(42L);
      reopened.record(RunEvent.of(EventType.APPLIED, "a").withPlan(plan, "d1").withCommit("h"));
      UnitRecord applied = reopened.read(state -> state.units().get("a"));
      assertThat(applied.applies()).isEqualTo(1);
      assertThat(applied.applying()).isNull();
      assertThat(applied.appliedHash()).isEqualTo(plan.hash());
    }
    assertThat(Files.readString(dir.resolve(RunLedger.SNAPSHOT))).contains("\"APPLIED\"").contains(plan.hash());
  }

  @Test
  void aLastLineCutShortByACrashIsIgnoredAndOverwritten() throws Exception {
    try (RunLedger ledger = RunLedger.create(dir, header)) {
      ledger.record(RunEvent.of(EventType.PLANNING, "a"));
    }
    Files.writeString(dir.resolve(RunLedger.JOURNAL), "{\"seq\":3,\"ty", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (RunLedger reopened = RunLedger.open(dir)) {
      assertThat(reopened.read(RunState::lastSeq)).isEqualTo(2);
      reopened.record(RunEvent.of(EventType.NO_CHANGES, "a"));
    }
    List<String> lines = Files.readAllLines(dir.resolve(RunLedger.JOURNAL));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).startsWith("{\"seq\":3,").contains("NO_CHANGES");
  }

  @Test
  void aBadLineInTheMiddleIsAnErrorNamingTheLine() throws Exception {
    Files.writeString(dir.resolve(RunLedger.JOURNAL), "{\"seq\":1,\"type\":\"RUN_STARTED\"}\nnot json\n{}\n");
    assertThatThrownBy(() -> RunLedger.open(dir)).hasMessageContaining("journal.jsonl:2:");
  }

  @Test
  void aNewRunRefusesADirectoryHoldingARun() throws Exception {
    RunLedger.create(dir, header).close();
    assertThatThrownBy(() -> RunLedger.create(dir, header)).hasMessageContaining("--resume");
  }
}
