package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.approval.GateState;
import io.tglive.approval.GateTerms;
import io.tglive.approval.Membership;
import io.tglive.approval.VoteLedger;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.terragrunt.PlanSummary;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalVoterTest {

  @TempDir Path run;
  private VoteLedger ledger;
  private GateState gate;
  private final StringWriter screen = new StringWriter();

  @BeforeEach
  void openGate() throws Exception {
    RunLedger.create(run, new RunHeader("r1", "/repo", "main", "b".repeat(40), "feature", "c".repeat(40),
        List.of(new RunUnit("app", false, "prod", List.of(), 0, List.of("alice", "bob"), 2, 1)))).close();
    ledger = VoteLedger.in(run);
    gate = ledger.open("app", new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"), new TreeSet<>(),
        List.of(), new TreeSet<>(), List.of(), "ab".repeat(32)),
        new GateTerms(List.of("alice", "bob"), 2, 1, false, List.of(), null, ""), "PR #1", "c");
  }

  private TerminalVoter voter(String input, String user) {
    PrintWriter out = new PrintWriter(screen, true);
    return new TerminalVoter(ledger, new BufferedReader(new StringReader(input)), out, user, Membership.NONE,
        new RunProgress(out, false));
  }

  @Test
  void theAnswerAtThePromptIsTheLocalUsersVoteInTheLedger() throws Exception {
    voter("maybe\nyes looks fine\n", "alice").opened(gate);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (ledger.current("app").orElseThrow().votes().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ledger.current("app").orElseThrow().votes()).singleElement()
        .satisfies(v -> assertThat(v.voter() + " " + v.decision().word() + " " + v.comment())
            .isEqualTo("alice approve looks fine"));
    assertThat(screen.toString()).contains("== approval needed: app (1 to create", "Vote as alice?",
        "Please answer yes or no.");
  }

  @Test
  void aUserWhoIsNotAVoterIsToldWhoVotesAndHow() {
    voter("yes\n", "root").opened(gate);
    assertThat(screen.toString()).isEqualTo("== waiting for votes on app (0 of 2 approvals, 0 of 1 rejections) from"
        + " alice, bob: tglive approve --run " + run.toAbsolutePath().normalize() + " --unit app --as USER\n");
  }
}
