package io.jenkins.plugins.tglive;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.TaskListener;
import io.tglive.run.CommandLog;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.aws.Secrets;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs terragrunt commands on the node of the build's workspace through its {@link Launcher}, with
 * the contract of the local runner: the exit code is a result, output goes line by line to the unit's
 * log (and the build log; standard output is also kept for {@code show -json}), a command that
 * outlives its timeout is stopped and reported, and an interrupt stops the whole process tree before
 * it is rethrown. Every known secret is masked in the lines written to the logs (the standard output
 * kept for the engine is left whole). Every process carries {@value #COOKIE} in its environment, so
 * the tree can also be stopped by that value after a controller restart ({@link #stopLeftovers}).
 */
final class JenkinsAgentRunner implements UnitRunner {

  /** The environment variable marking the processes of one step, to find them again. */
  static final String COOKIE = "TGLIVE_PROCESS_COOKIE";

  private final Launcher launcher;
  private final FilePath workspace;
  private final TaskListener listener;
  private final Map<String, String> environment;
  private final String cookie;
  private final Secrets secrets;

  /**
   * @param workspace any directory on the node (working directories are resolved from it)
   * @param environment the build's environment, under each command's own variables
   * @param cookie the value of {@value #COOKIE} for these commands
   * @param secrets masked in every line written to the unit's log and the build log (AWS keys and
   *     session tokens the engine handed to the command, say)
   */
  JenkinsAgentRunner(Launcher launcher, FilePath workspace, TaskListener listener, Map<String, String> environment,
      String cookie, Secrets secrets) {
    this.launcher = launcher;
    this.workspace = workspace;
    this.listener = listener;
    this.environment = Map.copyOf(environment);
    this.cookie = cookie;
    this.secrets = secrets;
  }

  @Override
  public CommandResult run(CommandSpec command, CommandLog log) throws RunnerException, InterruptedException {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(command.environment());
    env.put(COOKIE, cookie);
    PrintStream console = listener.getLogger();
    console.println("$ " + String.join(" ", command.argv()));
    StringBuilder stdout = new StringBuilder();
    LineOutputStream out = new LineOutputStream(line -> {
      synchronized (stdout) {
        stdout.append(line).append('\n');
      }
      String masked = secrets.redact(line);
      log.line(masked);
      console.println(masked);
    });
    LineOutputStream err = new LineOutputStream(line -> {
      String masked = secrets.redact(line);
      log.line(masked);
      console.println(masked);
    });
    long started = System.nanoTime();
    Proc proc;
    try {
      proc = launcher.launch().cmds(command.argv()).envs(env)
          .pwd(workspace.child(command.workingDirectory().toString())).stdout(out).stderr(err).quiet(true).start();
    } catch (IOException e) {
      throw new RunnerException(command.unit() + ": cannot start " + command.argv().get(0) + " on the agent: "
          + e.getMessage(), false, e);
    }
    int exit;
    try {
      exit = proc.joinWithTimeout(command.timeout().toMillis(), TimeUnit.MILLISECONDS, listener);
    } catch (InterruptedException e) {
      stop(proc);
      throw e;
    } catch (IOException e) {
      stop(proc);
      throw new RunnerException(command.unit() + ": lost the agent while running " + words(command) + ": "
          + e.getMessage(), true, e);
    } finally {
      out.close();
      err.close();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    if (exit != 0 && elapsed.compareTo(command.timeout()) >= 0) {
      throw new RunnerException(command.unit() + ": " + words(command) + " timed out after " + command.timeout(),
          false);
    }
    synchronized (stdout) {
      return new CommandResult(exit, stdout.toString(), elapsed);
    }
  }

  /** Stops every process left running with {@code cookie} on the launcher's node (after a restart). */
  static void stopLeftovers(Launcher launcher, String cookie) throws IOException, InterruptedException {
    launcher.kill(Map.of(COOKIE, cookie));
  }

  private void stop(Proc proc) throws InterruptedException {
    try {
      proc.kill();
    } catch (IOException e) {
      listener.getLogger().println("tglive: could not stop the process: " + e.getMessage());
    }
    try {
      stopLeftovers(launcher, cookie);
    } catch (IOException e) {
      listener.getLogger().println("tglive: could not stop the process tree: " + e.getMessage());
    }
  }

  private static String words(CommandSpec command) {
    List<String> argv = command.argv();
    return String.join(" ", argv.subList(0, Math.min(2, argv.size())));
  }
}
