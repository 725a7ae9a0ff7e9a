package io.tglive.cli;

import io.tglive.approval.Decision;
import io.tglive.approval.Membership;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.VoteOutcome;
import io.tglive.approval.VoteRequest;
import io.tglive.approval.VoteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive approve}: casts a vote on a unit's open gate in a run's vote ledger. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = "Votes on a unit's approval gate in a run (the run may be waiting in another process).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the vote stands (recorded, changed, or the same vote again)",
      "1:the vote was refused: not a voter, the author, gate closed, no such unit, plan changed, ...",
      "2:bad input: no run there, or the run directory cannot be read or written"
    })
final class ApproveCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository whose .tglive/runs holds the run (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Option(names = "--run", paramLabel = "RUN", required = true,
      description = "The run: its id (under <repo>/.tglive/runs) or its directory.")
  private String run;

  @Option(names = "--unit", paramLabel = "PATH", required = true, description = "The unit's repository path.")
  private String unit;

  @Option(names = "--as", paramLabel = "USER", required = true, description = "Who votes.")
  private String voter;

  @Option(names = "--reject", description = "Reject the plan (default: approve it).")
  private boolean reject;

  @Option(names = "--comment", paramLabel = "TEXT", defaultValue = "", description = "Why.")
  private String comment;

  @Option(names = "--plan", paramLabel = "HASH",
      description = "The plan hash voted on (full, or its first 12 or more characters); refused if the unit's plan"
          + " changed since. Default: the open gate's plan.")
  private String plan;

  @Option(names = "--member-of", paramLabel = "GROUP",
      description = "A group the voter belongs to, for group:NAME voters (repeatable).")
  private List<String> groups = new ArrayList<>();

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
    if (voter.isBlank()) {
      err.println("error: --as must name a user");
      err.flush();
      return Tglive.ERROR;
    }
    try {
      VoteRequest request = new VoteRequest(unit, plan, voter.strip(), reject ? Decision.REJECT : Decision.APPROVE,
          comment);
      Membership membership = (user, group) -> user.equals(voter.strip()) && groups.contains(group);
      VoteResult result = VoteLedger.voteIn(directory.get(), request, membership);
      if (result.outcome() == VoteOutcome.UNKNOWN_RUN) {
        err.println("error: " + result.message());
        err.flush();
        return Tglive.ERROR;
      }
      if (!result.outcome().accepted()) {
        err.println("refused: " + result.message());
        err.flush();
        return 1;
      }
      out.println(result.message());
      out.flush();
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return Tglive.ERROR;
    }
  }
}
