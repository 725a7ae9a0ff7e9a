package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.rollback.RollbackPreview;
import io.tglive.rollback.RollbackRun;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.terragrunt.PlanSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tglive rollback} on a recorded run of a real git repository: the plan, and bad input. */
class RollbackCommandTest {

  @TempDir Path tmp;

  private final TgliveRun tglive = new TgliveRun();
  private Path run;
  private RunHeader header;

  @BeforeEach
  void repository() throws Exception {
    String base;
    String head;
    try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
      base = commit(git, "net/terragrunt.hcl", "inputs = { value = \"v1\" }\n");
      Files.createDirectories(tmp.resolve("new"));
      Files.writeString(tmp.resolve("new/terragrunt.hcl"), "dependency \"net\" { config_path = \"../net\" }\n");
      head = commit(git, "net/terragrunt.hcl", "inputs = { value = \"v2\" }\n");
    }
    run = tmp.resolve(".tglive/runs/r1");
    header = new RunHeader("r1", tmp.toString(), "main~1", base, "main", head, List.of(
        new RunUnit("net", false, null, List.of(), 1, List.of(), 0, 1),
        new RunUnit("new", false, null, List.of("net"), 0, List.of(), 0, 1)));
  }

  @Test
  void aDryRunPrintsTheRollbackPlanInOrderAndChangesNothing() throws Exception {
    record(true);
    assertThat(tglive.execute("rollback", "--repo", tmp.toString(), "--run", "r1", "--dry-run")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("""
        rollback of run r1 (mode all): 2 step(s)
          1. destroy (added by the change): new — changed by the run (applied)
          2. apply base: net after new — changed by the run (applied)
        """);
    assertThat(RollbackRun.directory(run)).doesNotExist();
  }

  @Test
  void thePreviewOfWhatModeAllWouldDoIsInTheRunsReport() throws Exception {
    record(true);
    assertThat(RollbackPreview.write(run).lines()).containsExactly(
        "rollback of run r1 (mode all): 2 step(s)",
        "  1. destroy (added by the change): new — if the run applies it",
        "  2. apply base: net after new — if the run applies it");
    assertThat(tglive.execute("report", "--run", run.toString())).isEqualTo(0);
    assertThat(Files.readString(run.resolve("report.html"))).contains(
        "<section id=\"rollback\" data-kind=\"preview\">",
        "<li data-step=\"new\" data-action=\"destroy-added\">destroy (added by the change): new",
        "<li data-step=\"net\" data-action=\"reapply-base\">apply base: net after new");
  }

  @Test
  void aRollbackRunsEachStepThroughTerragruntAndReportsWhatItDid() throws Exception {
    record(true);
    // `true` as terragrunt: every plan exits 0, so each step finds nothing left to change
    assertThat(tglive.execute("rollback", "--run", run.toString(), "--terragrunt", "true")).isEqualTo(0);
    assertThat(tglive.out()).contains("rollback succeeded: 2 step(s) done, 0 left",
        "  done: destroy (added by the change): new", "  done: apply base: net",
        "report: " + RollbackRun.directory(run).resolve("report.html"));
    assertThat(tglive.execute("report", "--run", run.toString())).isEqualTo(0);
    assertThat(Files.readString(run.resolve("report.html"))).contains(
        "<section id=\"rollback\" data-kind=\"rollback\" data-outcome=\"succeeded\">",
        "data-step=\"net\" data-action=\"reapply-base\" data-status=\"no-changes\"");
    assertThat(tglive.execute("rollback", "--run", run.toString(), "--terragrunt", "true")).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: run r1 already has a rollback in ");
  }

  @Test
  void tgliveRunPrintsTheRollbackPreviewBeforeAnyGateOpens() throws Exception {
    Path directory = tmp.resolve("the-run");
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--base", "main~1", "--head", "main",
        "--terragrunt", "true", "--run-dir", directory.toString())).isEqualTo(0);
    assertThat(tglive.out()).startsWith("""
        if this run must be rolled back (tglive rollback --mode all):
          rollback of run the-run (mode all): 2 step(s)
            1. destroy (added by the change): new — if the run applies it
            2. apply base: net after new — if the run applies it
        """);
    assertThat(RollbackPreview.read(directory).orElseThrow().steps()).hasSize(2);
  }

  @Test
  void modeNoneRollsBackNothing() throws Exception {
    record(true);
    assertThat(tglive.execute("rollback", "--run", run.toString(), "--mode", "none")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("rollback of run r1 (mode none): nothing to roll back\n");
    assertThat(RollbackRun.directory(run)).doesNotExist();
  }

  @Test
  void selectiveNamesTheUnitsAddedByTheClosureRule() throws Exception {
    record(true);
    assertThat(tglive.execute("rollback", "--run", run.toString(), "--mode", "selective", "--units", "net",
        "--dry-run")).isEqualTo(0);
    assertThat(tglive.out()).contains("(mode selective: net)",
        "destroy (added by the change): new — rolls back with net: it was applied after net, against its new version");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    record(true);
    assertThat(tglive.execute("rollback", "--run", run.toString(), "--mode", "sideways")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: unknown rollback mode 'sideways': use all, selective or none\n");
    assertThat(tglive.execute("rollback", "--run", run.toString(), "--mode", "selective")).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: mode selective needs the units to roll back\n");
    assertThat(tglive.execute("rollback", "--run", run.toString(), "--mode", "selective", "--units", "nope"))
        .isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: unit nope is not a unit of run r1\n");
    assertThat(tglive.execute("rollback", "--repo", tmp.toString(), "--run", "r9")).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: --run r9: no run there (looked in ");
    assertThat(tglive.execute("rollback", "--run", run.toString(), "--resume")).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: run r1 has no rollback to resume in ");
  }

  @Test
  void aRunThatHasNotEndedIsNotRolledBack() throws Exception {
    record(false);
    assertThat(tglive.execute("rollback", "--run", run.toString())).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo(
        "error: run r1 has not ended: continue it first (tglive run --resume r1)\n");
  }

  private void record(boolean ended) throws Exception {
    PlanSummary plan = new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"), new TreeSet<>(),
        List.of("terraform_data.this"), new TreeSet<>(), List.of(), "a".repeat(64));
    try (RunLedger ledger = RunLedger.create(run, header)) {
      for (String unit : List.of("net", "new")) {
        ledger.record(RunEvent.of(EventType.PLANNED, unit).withPlan(plan, null));
        ledger.record(RunEvent.of(EventType.APPLY_STARTED, unit).withPlan(plan, null).withCommit(header.headCommit()));
        ledger.record(RunEvent.of(EventType.APPLIED, unit).withPlan(plan, null).withCommit(header.headCommit()));
      }
      if (ended) {
        ledger.record(RunEvent.of(EventType.RUN_ENDED, null).withOutcome("failed"));
      }
    }
  }

  private String commit(Git git, String path, String content) throws Exception {
    Files.createDirectories(tmp.resolve(path).getParent());
    Files.writeString(tmp.resolve(path), content);
    git.add().addFilepattern(".").call();
    RevCommit commit = git.commit().setMessage("c").setAuthor("t", "t@example.com")
        .setCommitter("t", "t@example.com").call();
    return commit.name();
  }
}
