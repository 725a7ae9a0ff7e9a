package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.approval.GateTerms;
import io.tglive.approval.VoteLedger;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tglive gates} shows, beside the open gates, the rollback that mode {@code all} would run. */
class GatesRollbackPreviewTest {

  private static final String HASH = "ab".repeat(32);

  @TempDir Path tmp;

  private final TgliveRun tglive = new TgliveRun();

  @Test
  void theOpenGatesAreFollowedByTheRollbackModeAllWouldRunWithTheRollbackVoters() throws Exception {
    String base;
    String head;
    try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
      base = commit(git, "net/terragrunt.hcl", "inputs = { value = \"v1\" }\n");
      Files.createDirectories(tmp.resolve("new"));
      Files.writeString(tmp.resolve("new/terragrunt.hcl"), "dependency \"net\" { config_path = \"../net\" }\n");
      head = commit(git, "net/terragrunt.hcl", "inputs = { value = \"v2\" }\n");
    }
    Path run = tmp.resolve(".tglive/runs/r1");
    PlanSummary plan = new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"), new TreeSet<>(),
        List.of("terraform_data.this"), new TreeSet<>(), List.of(), HASH);
    try (RunLedger ledger = RunLedger.create(run, new RunHeader("r1", tmp.toString(), "main~1", base, "main", head,
        List.of(new RunUnit("net", false, "dev", List.of(), 1, List.of("alice"), 1, 1),
            new RunUnit("new", false, "dev", List.of("net"), 0, List.of("alice"), 1, 1))))) {
      ledger.record(RunEvent.of(EventType.PLANNED, "net").withPlan(plan, null));
    }
    VoteLedger.in(run).open("net", plan, new GateTerms(List.of("alice"), 1, 1, false, List.of(), null, ""),
        "PR #3", head);

    assertThat(tglive.execute("gates", "--repo", tmp.toString(), "--run", "r1")).isZero();
    assertThat(tglive.out()).startsWith("net  open\n").endsWith("""
        if this run fails or is rejected, `tglive rollback --run RUN` (mode all) would run:
          rollback of run r1 (mode all): 2 step(s)
            1. destroy (added by the change): new — if the run applies it
            2. apply base: net after new — if the run applies it
        """);
  }

  @Test
  void withoutItsRepositoryThePreviewIsSaidToBeUnavailableRatherThanGuessed() throws Exception {
    Path run = tmp.resolve(".tglive/runs/r1");
    PlanSummary plan = new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"), new TreeSet<>(),
        List.of("terraform_data.this"), new TreeSet<>(), List.of(), HASH);
    try (RunLedger ledger = RunLedger.create(run, new RunHeader("r1", tmp.resolve("gone").toString(), "main~1",
        "b".repeat(40), "main", "c".repeat(40), List.of(new RunUnit("net", false, "dev", List.of(), 0,
            List.of("alice"), 1, 1))))) {
      ledger.record(RunEvent.of(EventType.PLANNED, "net").withPlan(plan, null));
    }
    VoteLedger.in(run).open("net", plan, new GateTerms(List.of("alice"), 1, 1, false, List.of(), null, ""),
        "PR #3", "c");

    assertThat(tglive.execute("gates", "--repo", tmp.toString(), "--run", "r1")).isZero();
    assertThat(tglive.out()).endsWith("rollback preview: not available (commit " + "b".repeat(40)
        + " is not in the git repository " + tmp.resolve("gone") + ")\n");
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
