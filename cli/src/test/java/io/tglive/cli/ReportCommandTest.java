package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path tmp;

  private final TgliveRun tglive = new TgliveRun();

  @Test
  void rendersTheReportOfARunNamedByItsIdAndSaysWhereItIs() throws Exception {
    Path run = tmp.resolve(".tglive/runs/r1");
    RunHeader header = new RunHeader("r1", tmp.toString(), "main", "main", "main", "main",
        List.of(new RunUnit("a/<b>", false, null, List.of(), 0, List.of(), 0, 1)));
    try (RunLedger ledger = RunLedger.create(run, header)) {
      ledger.record(RunEvent.of(EventType.FAILED, "a/<b>").withMessage("plan failed"));
      ledger.record(RunEvent.of(EventType.RUN_ENDED, null).withOutcome("failed"));
    }
    assertThat(tglive.execute("report", "--repo", tmp.toString(), "--run", "r1")).isEqualTo(0);
    assertThat(tglive.out()).isEqualTo("report: " + run.resolve("report.html") + "\n");
    assertThat(Files.readString(run.resolve("report.html")))
        .contains("data-unit=\"a/&lt;b&gt;\" data-status=\"failed\"", "plan failed", "oc-failed");

    assertThat(tglive.execute("report", "--run", run.toString())).as("a run named by its directory").isEqualTo(0);
  }

  @Test
  void aRunThatDoesNotExistIsBadInput() {
    assertThat(tglive.execute("report", "--repo", tmp.toString(), "--run", "nope")).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: --run nope: no run there (looked in ");
    assertThat(tglive.out()).isEmpty();
  }

  @Test
  void tgliveRunWritesTheReportWhenTheRunEndsAndAgainWhenItIsResumed() throws Exception {
    try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
      Files.writeString(tmp.resolve("README.md"), "x");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }
    Path run = tmp.resolve("the-run");
    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--base", "main", "--head", "main",
        "--terragrunt", "true", "--run-dir", run.toString())).isEqualTo(0);
    assertThat(tglive.out()).endsWith("report: " + run.resolve("report.html") + "\n");
    assertThat(Files.readString(run.resolve("report.html"))).contains("oc-succeeded");
    Files.delete(run.resolve("report.html"));

    assertThat(tglive.execute("run", "--repo", tmp.toString(), "--resume", run.toString(),
        "--terragrunt", "true")).as(tglive.err()).isEqualTo(0);
    assertThat(tglive.out()).endsWith("report: " + run.resolve("report.html") + "\n");
    assertThat(run.resolve("report.html")).isRegularFile();
  }
}
