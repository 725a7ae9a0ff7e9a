package io.tglive.run.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.policy.AccountCommands;
import io.tglive.policy.RunnerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner settings a run started with are in its journal, so a resumed run (or a reader) gets the same. */
class RecordedRunnersTest {

  @TempDir Path dir;

  @Test
  void theRunnersOfEveryAccountSurviveTheJournal() throws Exception {
    RunnerSettings prod = new RunnerSettings("arn:aws:iam::111111111111:role/plan",
        "arn:aws:iam::111111111111:role/apply", "tglive-units", "eu-west-1", "codebuild", "acme-tglive", "runs",
        new AccountCommands(List.of("aws-vault", "exec", "prod", "--", "terragrunt"), List.of("-lock-timeout=5m"),
            List.of(), List.of("-refresh=false"), List.of("(?i)reset"), "PT30M"));
    RunHeader header = new RunHeader("r1", "/repo", "main", "b".repeat(40), "feature", "h".repeat(40),
        List.of(new RunUnit("prod/app", false, "prod", List.of(), 0, List.of(), 0, 1),
            new RunUnit("tools", false, null, List.of(), 0, List.of(), 0, 1)))
        .withRunners(Map.of("prod", prod, "dev", RunnerSettings.NONE));
    try (RunLedger ledger = RunLedger.create(dir, header)) {
      ledger.record(RunEvent.of(EventType.PLANNING, "prod/app"));
    }

    try (RunLedger reopened = RunLedger.open(dir)) {
      RunHeader read = reopened.read(RunState::header);
      assertThat(read).isEqualTo(header);
      assertThat(read.runnerOf("prod")).isEqualTo(prod);
      assertThat(read.runnerOf(null)).isEqualTo(RunnerSettings.NONE);
      assertThat(read.runnerOf("unknown")).isEqualTo(RunnerSettings.NONE);
    }
  }

  @Test
  void aJournalWrittenBeforeRunnersWereRecordedRunsEveryUnitLocally() throws Exception {
    RunHeader old = new RunHeader("r1", "/repo", "main", "b".repeat(40), "feature", "h".repeat(40),
        List.of(new RunUnit("prod/app", false, "prod", List.of(), 0, List.of(), 0, 1)));
    try (RunLedger ledger = RunLedger.create(dir, old)) {
      ledger.record(RunEvent.of(EventType.PLANNING, "prod/app"));
    }
    Path journal = dir.resolve(RunLedger.JOURNAL);
    Files.writeString(journal, Files.readString(journal).replace(",\"runners\":{}", ""));

    try (RunLedger reopened = RunLedger.open(dir)) {
      assertThat(reopened.read(RunState::header).runners()).isEmpty();
      assertThat(reopened.read(RunState::header).runnerOf("prod").runnerOrLocal()).isEqualTo("local");
    }
  }
}
