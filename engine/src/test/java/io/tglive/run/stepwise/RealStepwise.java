package io.tglive.run.stepwise;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.deploy.GitWorktrees;
import io.tglive.run.deploy.LocalWorkFiles;
import io.tglive.run.local.LocalRunner;
import io.tglive.run.local.ProcessObserver;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunJournal;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.stack.StackPlanner;
import io.tglive.stack.StackRequest;
import io.tglive.stack.StackResult;
import io.tglive.testing.RealTools;
import io.tglive.testing.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stepwise runs of live repositories, driven as the Jenkins steps drive them, with the real terragrunt
 * and OpenTofu (the test is skipped where they are not installed), in a temporary directory: the run
 * in {@code run/}, local state in {@code state/}, plans in {@code plans/}; dependency callbacks on a
 * thread pool that {@link #close} stops.
 */
final class RealStepwise implements AutoCloseable {

  final Path state;
  final ExecutorService callbacks = Executors.newCachedThreadPool();
  final LocalRunner runner = new LocalRunner(Duration.ofSeconds(5), ProcessObserver.NONE);
  private final Path dir;

  RealStepwise(Path dir) throws IOException {
    RealTools.assumeInstalled();
    this.dir = dir;
    state = Files.createDirectories(dir.resolve("state"));
  }

  /** Starts the run of {@code repo}'s stack from {@code base} to {@code head}, which must be complete. */
  StepwiseRun create(TestRepo repo, String base, String head) throws Exception {
    StackResult stack = StackPlanner.plan(repo.root(), StackRequest.of(base, head));
    assertThat(stack.complete()).as("stack complete: %s", stack.unresolved()).isTrue();
    return StepwiseRun.create(runDirectory(), RunHeader.of("run", repo.root().toString(), base, head, stack),
        callbacks);
  }

  /** Resumes the run, as a restarted controller does. */
  StepwiseRun resume(String why) throws Exception {
    return StepwiseRun.resume(runDirectory(), callbacks, why);
  }

  /** What a step needs to plan or apply {@code unit} of {@code run}: the real terragrunt, local processes. */
  UnitWork work(StepwiseRun run, TestRepo repo, String unit) throws Exception {
    Map<String, String> environment = new HashMap<>(RealTools.env());
    environment.put("TGLIVE_TEST_STATE", state.toString());
    CommandSettings settings = CommandSettings.DEFAULT.withTerragrunt(List.of(RealTools.terragrunt().toString()))
        .withTimeout(Duration.ofMinutes(5));
    GitWorktrees checkouts = new GitWorktrees(repo.root(), dir.resolve("worktrees"));
    TerragruntCommands commands = new TerragruntCommands(settings,
        run.dialect(runner, settings, environment, repo.root()), environment);
    return new UnitWork(runner, new LocalWorkFiles(), checkouts, commands,
        dir.resolve("plans").resolve(unit.replace("/", "__") + ".tfplan"));
  }

  /** The run's directory. */
  Path runDirectory() {
    return dir.resolve("run");
  }

  /** The events of the run's journal. */
  List<RunEvent> events() throws IOException {
    return RunJournal.read(runDirectory().resolve("journal.jsonl")).events();
  }

  @Override
  public void close() {
    callbacks.shutdownNow();
  }
}
