package io.tglive.cli;

import io.tglive.approval.ChangeInfo;
import io.tglive.approval.GateKeeper;
import io.tglive.approval.GateTerms;
import io.tglive.approval.Membership;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.VotingGate;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.change.DiffMode;
import io.tglive.policy.AccountMapping;
import io.tglive.report.html.RunReport;
import io.tglive.change.BuildRevisions;
import io.tglive.change.ChangeException;
import io.tglive.policy.RunnerSettings;
import io.tglive.policy.SettingsException;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.Secrets;
import io.tglive.run.choice.BaseAccounts;
import io.tglive.run.choice.RunnerChoice;
import io.tglive.run.choice.RunnerSet;
import io.tglive.rollback.RollbackPreview;
import io.tglive.run.deploy.DeployOptions;
import io.tglive.run.deploy.Deployment;
import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.deploy.RunOutcome;
import io.tglive.run.gate.Gate;
import io.tglive.run.gate.PolicyGate;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.stack.StackException;
import io.tglive.stack.CiStackRequest;
import io.tglive.stack.StackResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive run}: deploys the stack of a change with terragrunt, or resumes an interrupted run. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Deploys the stack of a change: per unit plan, approval gate, apply of exactly the approved plan.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every unit was applied or had no changes",
      "1:a unit failed or was rejected (or the stack is incomplete and nothing was deployed)",
      "2:bad input: revisions, configuration, arguments, run directory"
    })
final class RunCommand implements Callable<Integer> {

  static final int FAILED = 1;
  static final int ERROR = 2;

  @Spec private CommandSpec spec;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Option(names = "--base", paramLabel = "REF", description = "The revision deployed so far.")
  private String base;

  @Option(names = "--head", paramLabel = "REF", description = "The revision to deploy.")
  private String head;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
      description = "Most terragrunt commands at once (default: ${DEFAULT-VALUE}).")
  private int parallelism;

  @Option(names = "--account-parallelism", paramLabel = "ACCOUNT=N",
      description = "Most terragrunt commands at once for the units of one account (repeatable).")
  private java.util.Map<String, Integer> accountParallelism = new java.util.HashMap<>();

  @Option(names = "--fail-fast", description = "Start nothing more after the first failure or rejection.")
  private boolean failFast;

  @Option(names = "--resume", paramLabel = "RUN",
      description = "Continue an interrupted run: its id (under <repo>/.tglive/runs) or its directory.")
  private String resume;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "Directory of a new run (default: <repo>/.tglive/runs/<id>, ignored by git).")
  private Path runDir;

  @Option(names = "--terragrunt", paramLabel = "PATH", defaultValue = "terragrunt",
      description = "The terragrunt executable (default: ${DEFAULT-VALUE} on the PATH).")
  private String terragrunt;

  @Option(names = "--runner", paramLabel = "local|codebuild",
      description = "Run every unit with this runner instead of its account's (runner: in .tglive.yaml; default local).")
  private String runner;

  @Option(names = "--aws-endpoint", paramLabel = "URL",
      description = "One URL replacing every AWS endpoint (CodeBuild, S3, Logs, STS), e.g. a local test server.")
  private java.net.URI awsEndpoint;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1H",
      description = "Longest any one terragrunt command may run, ISO-8601 (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Option(names = "--as", paramLabel = "USER",
      description = "Who answers the prompt: the vote it casts (default: the operating system user).")
  private String user = System.getProperty("user.name", "local user");

  @Option(names = "--member-of", paramLabel = "GROUP",
      description = "A group the --as user belongs to, for group:NAME voters (repeatable).")
  private List<String> groups = new java.util.ArrayList<>();

  @Option(names = "--author", paramLabel = "ID",
      description = "Who wrote the change, who may not approve it (repeatable; default: the head commit's author"
          + " name, e-mail and e-mail local part).")
  private List<String> authors = new java.util.ArrayList<>();

  @Option(names = "--change", paramLabel = "TEXT",
      description = "How gates and the audit log name the change, e.g. 'PR #12' (default: the head commit).")
  private String change;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (parallelism < 1) {
        throw new BadInput("--parallelism must be at least 1");
      }
      for (java.util.Map.Entry<String, Integer> limit : accountParallelism.entrySet()) {
        if (limit.getValue() < 1) {
          throw new BadInput("--account-parallelism " + limit.getKey() + " must be at least 1");
        }
      }
      Path repoDir = repo.toAbsolutePath().normalize();
      RunLedger ledger = resume != null ? openRun(repoDir) : newRun(repoDir, err);
      if (ledger == null) {
        return FAILED;
      }
      if (resume == null) {
        preview(ledger.directory(), out, err);
      }
      return deploy(ledger, out, err);
    } catch (BadInput | StackException | IllegalArgumentException | ChangeException | SettingsException e) {
      for (String line : e.getMessage().split("\n")) {
        err.println(line.startsWith(" ") ? line : "error: " + line);
      }
      err.flush();
      return ERROR;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return ERROR;
    } catch (InterruptedException e) {
      err.println("error: interrupted; continue with --resume");
      err.flush();
      return FAILED;
    }
  }

  private RunLedger newRun(Path repoDir, PrintWriter err)
      throws BadInput, StackException, IOException, ChangeException, SettingsException {
    if (base == null || head == null) {
      throw new BadInput("--base and --head are required (or --resume RUN)");
    }
    // The same entry point as `tglive stack` and terragruntStack: one rule for revisions and accounts.
    StackResult result = new CiStackRequest(base, head, null, System.getenv(), DiffMode.MERGE_BASE, true, false,
        null, false, AccountMapping.EMPTY).plan(repoDir).result();
    result.warnings().forEach(warning -> err.println("warning: " + warning));
    if (!result.complete()) {
      result.incompleteness().forEach(line -> err.println("error: incomplete: " + line));
      err.println("error: the stack may be incomplete; nothing deployed");
      err.flush();
      return null;
    }
    String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
        + result.head().substring(0, 7);
    Path directory = runDir != null ? runDir.toAbsolutePath().normalize() : defaultRuns(repoDir).resolve(id);
    RunHeader header = RunHeader.of(directory.getFileName().toString(), repoDir.toString(), base, head, result);
    // The runners come from the same .tglive.yaml as the accounts: the requested base's.
    String settingsRevision = BuildRevisions.of(base, head, System.getenv(), null).resolve(repoDir).base().revision();
    header = header.withRunners(
        RunnerChoice.choose(BaseAccounts.at(repoDir, settingsRevision), header.units(), runner));
    return RunLedger.create(directory, header);
  }

  private RunLedger openRun(Path repoDir) throws BadInput, IOException {
    if (base != null || head != null || runDir != null || runner != null) {
      throw new BadInput("--resume continues a run as it was started: drop --base, --head, --run-dir and --runner");
    }
    Path byId = defaultRuns(repoDir).resolve(resume);
    Path directory = Files.isDirectory(byId) ? byId : Path.of(resume).toAbsolutePath().normalize();
    if (!Files.isRegularFile(directory.resolve(RunLedger.JOURNAL))) {
      throw new BadInput("--resume " + resume + ": no run there (looked in " + byId + " and " + directory + ")");
    }
    return RunLedger.open(directory);
  }

  /** Prints (and writes to the run directory) the rollback that mode all would run, before any gate opens. */
  private static void preview(Path directory, PrintWriter out, PrintWriter err) throws InterruptedException {
    try {
      out.println("if this run must be rolled back (tglive rollback --mode all):");
      RollbackPreview.write(directory).lines().forEach(line -> out.println("  " + line));
    } catch (IOException e) {
      err.println("warning: no rollback preview: " + e.getMessage());
    }
    out.flush();
  }

  /** {@code <repo>/.tglive/runs}, with a {@code .gitignore} that keeps the whole {@code .tglive} folder out of git. */
  private static Path defaultRuns(Path repoDir) throws IOException {
    Path folder = repoDir.resolve(".tglive");
    Files.createDirectories(folder);
    Path ignore = folder.resolve(".gitignore");
    if (!Files.exists(ignore)) {
      Files.writeString(ignore, "*\n", StandardCharsets.UTF_8);
    }
    return folder.resolve("runs");
  }

  private int deploy(RunLedger ledger, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
    RunHeader header = ledger.read(state -> state.header());
    RunProgress progress = new RunProgress(err, StandardError.isTerminal());
    ledger.listen(progress);
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    RunNotifier notifier = RunNotifier.open(header, err);
    VoteLedger votes = VoteLedger.in(ledger.directory());
    Membership membership = (who, group) -> who.equalsIgnoreCase(user) && groups.contains(group);
    TerminalVoter prompt = new TerminalVoter(votes, stdin, err, user, membership, progress);
    GateKeeper keeper = new GateKeeper(votes, changeInfo(header), notifier, unit -> java.util.Optional.empty(),
        java.time.Clock.systemUTC());
    Gate gate = new PolicyGate(new VotingGate(keeper, Duration.ofMillis(250), prompt::opened));
    CommandSettings settings = CommandSettings.DEFAULT.withTerragrunt(List.of(terragrunt)).withTimeout(timeout);
    DeployOptions options = DeployOptions.defaults(parallelism).withFailFast(failFast)
        .withPerAccount(accountParallelism)
        .withCommands(account -> settings.forAccount(header.runnerOf(account).commands()));
    RunnerSet.AwsAccess aws = new RunnerSet.AwsAccess(java.util.Optional.ofNullable(awsEndpoint),
        new CredentialsSource.DefaultChain(), new Secrets());
    List<RunnerSet> runners = new java.util.ArrayList<>();
    Deployment deployment = new Deployment(ledger, observer -> {
      RunnerSet set = RunnerSet.of(header, new LocalRunner(options.grace(), observer), aws);
      runners.add(set);
      return set.runner();
    }, gate, new GitWorktrees(Path.of(header.repo()), ledger.directory().resolve("worktrees")), options);
    if (resume != null) {
      stopLeftoverBuilds(header, aws, options, err);
    }
    RunOutcome outcome;
    try (ShutdownStop stop = new ShutdownStop(options.grace())) {
      outcome = deployment.run();
    } finally {
      progress.finish();
      runners.forEach(RunnerSet::close);
      notifier.close();
      ledger.close();
    }
    summary(ledger, out);
    out.println("run " + header.id() + ": " + outcome.label());
    out.println("run directory: " + ledger.directory());
    try {
      out.println("report: " + RunReport.write(ledger.directory()));
    } catch (IOException e) {
      // The deployment is over and journaled; a report that cannot be written does not change its outcome.
      err.println("warning: the report could not be written (tglive report --run " + header.id() + " retries): "
          + e.getMessage());
      err.flush();
    }
    out.flush();
    return outcome == RunOutcome.SUCCEEDED ? 0 : FAILED;
  }

  /** Before a resumed run starts anything, stops the CodeBuild builds the interrupted one left running. */
  private static void stopLeftoverBuilds(RunHeader header, RunnerSet.AwsAccess aws, DeployOptions options,
      PrintWriter err) {
    if (header.runners().values().stream().noneMatch(r -> RunnerSettings.CODEBUILD.equals(r.runner()))) {
      return;
    }
    // only the CodeBuild runners are used here: the local runner's processes are not journaled
    ProcessObserver unjournaled = new ProcessObserver() {
      @Override
      public void started(io.tglive.run.CommandSpec command, ProcessHandle process) {}

      @Override
      public void ended(io.tglive.run.CommandSpec command, ProcessHandle process) {}
    };
    try (RunnerSet set = RunnerSet.of(header, new LocalRunner(options.grace(), unjournaled), aws)) {
      List<String> stopped = set.stopLeftoverBuilds(line -> err.println(aws.secrets().redact(line)));
      if (!stopped.isEmpty()) {
        err.println("stopped " + stopped.size() + " CodeBuild build(s) left running: " + String.join(", ", stopped));
      }
    } catch (io.tglive.run.RunnerException e) {
      err.println("warning: could not look for CodeBuild builds left running: " + e.getMessage());
    }
    err.flush();
  }

  /** The change as gates name it, and its authors: given, or the head commit's author. */
  private ChangeInfo changeInfo(RunHeader header) throws IOException {
    List<String> ids = authors;
    if (ids.isEmpty()) {
      try (org.eclipse.jgit.lib.Repository git = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
          .setWorkTree(Path.of(header.repo()).toFile()).readEnvironment().findGitDir(Path.of(header.repo()).toFile())
          .build(); org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(git)) {
        org.eclipse.jgit.lib.PersonIdent author = walk.parseCommit(
            org.eclipse.jgit.lib.ObjectId.fromString(header.headCommit())).getAuthorIdent();
        ids = GateTerms.authorIdentities(author.getName(), author.getEmailAddress());
      }
    }
    String name = change != null && !change.isBlank() ? change.strip() : header.headCommit().substring(0, 12);
    return new ChangeInfo(name, header.headCommit(), ids);
  }

  private static void summary(RunLedger ledger, PrintWriter out) {
    for (UnitRecord unit : ledger.read(state -> List.copyOf(state.units().values()))) {
      StringBuilder line = new StringBuilder(String.format("%-12s %s", unit.status().label(), unit.path()));
      if (unit.plan() != null && unit.status() != io.tglive.run.state.UnitStatus.NO_CHANGES) {
        line.append("  [").append(unit.plan().counts()).append("; plan ")
            .append(unit.plan().hash(), 0, 12).append(']');
      }
      if (unit.message() != null) {
        line.append("  ").append(unit.message());
      }
      out.println(line);
    }
  }

  /** A usage error, reported as one line with exit code 2. */
  private static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }
}
