package io.tglive.cli;

import io.tglive.report.html.RunReport;
import io.tglive.rollback.RollbackException;
import io.tglive.rollback.RollbackMode;
import io.tglive.rollback.RollbackPlan;
import io.tglive.rollback.RollbackPlanner;
import io.tglive.rollback.RollbackResult;
import io.tglive.rollback.RollbackRun;
import io.tglive.rollback.RunRecord;
import io.tglive.rollback.RunUnitPolicies;
import io.tglive.rollback.TerragruntStates;
import io.tglive.rollback.TreeFacts;
import io.tglive.run.deploy.DeployOptions;
import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.run.terragrunt.TerragruntDialect;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive rollback}: prints the rollback plan of a run, then executes it with gates. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = "Rolls back a run: prints the rollback plan, then plans, gates and applies each step"
        + " (dependents' destroys first, base re-applies dependencies first).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rolled back (or nothing to roll back, or --dry-run)",
      "1:a rollback step failed or was rejected (what is left to fix is listed), or the plan could not be computed",
      "2:bad input: run, mode, units, arguments; a run that has not ended; a rollback that already ran"
    })
final class RollbackCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository whose .tglive/runs holds the run (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Option(names = "--run", paramLabel = "RUN", required = true,
      description = "The run: its id (under <repo>/.tglive/runs) or its directory.")
  private String run;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "all",
      description = "all, selective (with --units) or none (default: ${DEFAULT-VALUE}).")
  private String mode;

  @Option(names = "--units", paramLabel = "UNIT", split = ",",
      description = "The units to roll back (mode selective); units that must roll back with them are added.")
  private List<String> units = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print the rollback plan and stop.")
  private boolean dryRun;

  @Option(names = "--resume", description = "Continue an interrupted rollback of the run.")
  private boolean resume;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
      description = "Most terragrunt commands at once (default: ${DEFAULT-VALUE}).")
  private int parallelism;

  @Option(names = "--terragrunt", paramLabel = "PATH", defaultValue = "terragrunt",
      description = "The terragrunt executable (default: ${DEFAULT-VALUE} on the PATH).")
  private String terragrunt;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1H",
      description = "Longest any one terragrunt command may run, ISO-8601 (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (parallelism < 1) {
        throw new RollbackException("--parallelism must be at least 1");
      }
      Path directory = runDirectory();
      RunRecord record = read(directory);
      RunHeader header = record.header();
      CommandSettings settings = CommandSettings.DEFAULT.withTerragrunt(List.of(terragrunt)).withTimeout(timeout);
      DeployOptions options = DeployOptions.defaults(parallelism).withCommands(account -> settings);
      GitWorktrees checkouts = new GitWorktrees(Path.of(header.repo()), directory.resolve("worktrees"));
      RollbackRun rollback;
      if (resume) {
        if (!units.isEmpty() || dryRun) {
          throw new RollbackException("--resume continues the rollback as it was planned: drop --units and --dry-run");
        }
        rollback = RollbackRun.resume(directory, header);
        rollback.plan().lines().forEach(out::println);
      } else {
        if (record.outcome() == null) {
          throw new RollbackException("run " + header.id() + " has not ended: continue it first (tglive run --resume "
              + header.id() + ")");
        }
        RollbackMode chosen = RollbackMode.parse(mode);
        RollbackPlan plan = plan(record, chosen, settings, checkouts, options);
        plan.lines().forEach(out::println);
        out.flush();
        if (dryRun || plan.isEmpty()) {
          return 0;
        }
        rollback = RollbackRun.start(directory, header, plan);
      }
      return execute(rollback, header, checkouts, options, out, err);
    } catch (RollbackException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return Tglive.ERROR;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return RunCommand.FAILED;
    } catch (InterruptedException e) {
      err.println("error: interrupted; continue with tglive rollback --run " + run + " --resume");
      err.flush();
      return RunCommand.FAILED;
    }
  }

  private Path runDirectory() throws RollbackException {
    Path byId = repo.toAbsolutePath().normalize().resolve(".tglive/runs").resolve(run);
    Path directory = Files.isDirectory(byId) ? byId : Path.of(run).toAbsolutePath().normalize();
    if (!Files.isRegularFile(directory.resolve(RunLedger.JOURNAL))) {
      throw new RollbackException("--run " + run + ": no run there (looked in " + byId + " and " + directory + ")");
    }
    return directory;
  }

  private static RunRecord read(Path directory) throws RollbackException {
    try {
      return RunRecord.read(directory);
    } catch (IOException e) {
      throw new RollbackException(e.getMessage());
    }
  }

  private RollbackPlan plan(RunRecord record, RollbackMode chosen, CommandSettings settings, GitWorktrees checkouts,
      DeployOptions options) throws RollbackException, IOException, InterruptedException {
    RunHeader header = record.header();
    if (chosen == RollbackMode.NONE) {
      return RollbackPlanner.plan(header, record.units(), chosen, units, null, RunUnitPolicies::of,
          RollbackPlan.DEFAULT_MAX_ATTEMPTS);
    }
    LocalRunner runner = new LocalRunner(options.grace(), ProcessObserver.NONE);
    // the only query is `state pull`: read-only, it never prompts, so either dialect's variables do
    TerragruntCommands commands = new TerragruntCommands(settings, TerragruntDialect.V1, options.environment());
    TreeFacts facts = new TreeFacts(Path.of(header.repo()), header.baseCommit(), header.headCommit(),
        record.units(), new TerragruntStates(header.headCommit(), checkouts, runner, unit -> commands,
            new UnitLogs(RollbackRun.directory(record.directory()).resolve("facts"))));
    return RollbackPlanner.plan(header, record.units(), chosen, units, facts, RunUnitPolicies::of,
        RollbackPlan.DEFAULT_MAX_ATTEMPTS);
  }

  private int execute(RollbackRun rollback, RunHeader header, GitWorktrees checkouts, DeployOptions options, PrintWriter out,
      PrintWriter err) throws IOException, InterruptedException {
    RunProgress progress = new RunProgress(err, StandardError.isTerminal());
    rollback.ledger().listen(progress);
    io.tglive.run.gate.Gate gate = TerminalGate.of(rollback.ledger().directory(),
        new io.tglive.approval.ChangeInfo("rollback of run " + header.id(), header.baseCommit(), List.of()),
        progress, err);
    RollbackResult result;
    try (ShutdownStop stop = new ShutdownStop(options.grace())) {
      result = rollback.execute(observer -> new LocalRunner(options.grace(), observer),
          gate, checkouts, options);
    } finally {
      progress.finish();
      rollback.close();
    }
    result.lines().forEach(out::println);
    Path folder = rollback.ledger().directory();
    out.println("rollback directory: " + folder);
    try {
      out.println("report: " + RunReport.write(folder));
    } catch (IOException e) {
      err.println("warning: the rollback's report could not be written: " + e.getMessage());
    }
    out.flush();
    err.flush();
    return result.outcome() == io.tglive.run.deploy.RunOutcome.SUCCEEDED ? 0 : RunCommand.FAILED;
  }
}
