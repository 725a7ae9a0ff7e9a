package io.tglive.cli;

import io.tglive.approval.GateState;
import io.tglive.approval.Vote;
import io.tglive.approval.VoteLedger;
import io.tglive.rollback.RollbackPlan;
import io.tglive.rollback.RollbackPreview;
import io.tglive.rollback.RollbackRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive gates}: the open approval gates of a run, with plan summaries and votes so far. */
@Command(
    name = "gates",
    mixinStandardHelpOptions = true,
    description = "Lists a run's open approval gates: plan summary and hash, who may vote, votes so far.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed (possibly none)", "2:no run there, or its vote ledger cannot be read"})
final class GatesCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository whose .tglive/runs holds the run (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Option(names = "--run", paramLabel = "RUN", required = true,
      description = "The run: its id (under <repo>/.tglive/runs) or its directory.")
  private String run;

  @Option(names = "--all", description = "Also list gates that settled.")
  private boolean all;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> directory = RunDirectoryOption.find(repo, run);
    if (directory.isEmpty()) {
      err.println(RunDirectoryOption.notFound(repo, run));
      err.flush();
      return Tglive.ERROR;
    }
    try {
      List<GateState> gates = VoteLedger.in(directory.get()).gates().stream()
          .filter(g -> all || !g.status().closed()).toList();
      if (gates.isEmpty()) {
        out.println(all ? "no gates" : "no open gates");
      }
      for (GateState gate : gates) {
        print(out, gate);
      }
      if (!gates.isEmpty()) {
        printRollback(out, directory.get());
      }
      out.flush();
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return Tglive.ERROR;
    }
  }

  /**
   * The rollback mode {@code all} would run, from the run's latest plans, so that voters approve
   * knowing the way back; a rollback's own gates have none.
   */
  private static void printRollback(PrintWriter out, Path directory) {
    if (Files.isRegularFile(directory.resolve(RollbackRun.PLAN))) {
      return;
    }
    try {
      RollbackPlan preview = RollbackPreview.compute(directory);
      out.println("if this run fails or is rejected, `tglive rollback --run RUN` (mode all) would run:");
      preview.lines().forEach(line -> out.println("  " + line));
    } catch (IOException | RuntimeException e) {
      out.println("rollback preview: not available (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void print(PrintWriter out, GateState gate) {
    out.println(gate.unit() + "  " + gate.status().name().toLowerCase(Locale.ROOT)
        + (gate.reason().isEmpty() ? "" : " (" + gate.reason() + ")"));
    out.println("  plan " + gate.hash() + ": " + gate.plan().counts());
    gate.plan().changes().forEach(change -> out.println("    " + change));
    out.println("  change " + gate.change() + " at " + gate.commit());
    out.println("  needs " + gate.terms().approvalsRequired() + " approval(s) or " + gate.terms().rejectionsRequired()
        + " rejection(s) from " + String.join(", ", gate.terms().voters())
        + (gate.terms().stricter().isEmpty() ? "" : " (stricter: " + gate.terms().stricter() + ")")
        + (gate.terms().deadline() == null ? "" : "; times out at " + gate.terms().deadline()));
    out.println("  votes: " + gate.tally());
    for (Vote vote : gate.votes()) {
      out.println("    " + vote.voter() + " " + vote.decision().word() + " at " + vote.at()
          + (vote.comment().isEmpty() ? "" : ": " + vote.comment()));
    }
  }
}
