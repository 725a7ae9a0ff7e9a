package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.approval.GateTerms;
import io.tglive.approval.VoteLedger;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.terragrunt.PlanSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApproveCommandTest {

  private static final String HASH = "ab".repeat(32);

  @TempDir Path tmp;
  private Path run;
  private final TgliveRun tglive = new TgliveRun();

  @BeforeEach
  void openGate() throws Exception {
    run = tmp.resolve(".tglive/runs/r1");
    RunLedger.create(run, new RunHeader("r1", tmp.toString(), "main", "b".repeat(40), "feature", "c".repeat(40),
        List.of(new RunUnit("live/app", false, "prod", List.of(), 0, List.of("alice", "group:leads"), 1, 1)))).close();
    PlanSummary plan = new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"), new TreeSet<>(),
        List.of("terraform_data.this"), new TreeSet<>(Set.of()), List.of(), HASH);
    VoteLedger.in(run).open("live/app", plan,
        new GateTerms(List.of("alice", "group:leads"), 1, 1, false, List.of("dana"), null, ""), "PR #3", "c");
  }

  @Test
  void aRunThatIsNotThereIsBadInput() {
    assertThat(tglive.execute("approve", "--repo", tmp.toString(), "--run", "nope", "--unit", "live/app", "--as",
        "alice")).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: --run nope: no run there");
  }

  @Test
  void aRefusedVoteExitsOneWithTheReason() {
    assertThat(tglive.execute("approve", "--repo", tmp.toString(), "--run", "r1", "--unit", "live/ap", "--as",
        "alice")).isEqualTo(1);
    assertThat(tglive.err()).isEqualTo("refused: run r1 has no unit live/ap\n");
    assertThat(tglive.execute("approve", "--repo", tmp.toString(), "--run", "r1", "--unit", "live/app", "--as",
        "alice", "--plan", "cd".repeat(6))).isEqualTo(1);
    assertThat(tglive.err()).startsWith("refused: live/app has no plan cdcdcdcdcdcd");
  }

  @Test
  void aGroupMemberApprovesByThePlanHashPrefixAndTheGatesListShowsIt() {
    assertThat(tglive.execute("approve", "--repo", tmp.toString(), "--run", "r1", "--unit", "live/app", "--as",
        "erin", "--member-of", "leads", "--plan", HASH.substring(0, 12), "--comment", "fine")).isZero();
    assertThat(tglive.out()).isEqualTo("erin voted approve on live/app: 1 of 1 approvals, 0 of 1 rejections; approved\n");
    assertThat(tglive.execute("gates", "--repo", tmp.toString(), "--run", "r1")).isZero();
    assertThat(tglive.out()).isEqualTo("no open gates\n");
    assertThat(tglive.execute("gates", "--repo", tmp.toString(), "--run", "r1", "--all")).isZero();
    assertThat(tglive.out()).startsWith("live/app  approved\n  plan " + HASH + ": 1 to create")
        .contains("  change PR #3 at c\n", "needs 1 approval(s) or 1 rejection(s) from alice, group:leads",
            "    erin approve at ");
  }

  @Test
  void aRejectionIsCastWithReject() {
    assertThat(tglive.execute("approve", "--repo", tmp.toString(), "--run", "r1", "--unit", "live/app", "--as",
        "alice", "--reject")).isZero();
    assertThat(tglive.out()).endsWith("0 of 1 approvals, 1 of 1 rejections; rejected\n");
  }
}
