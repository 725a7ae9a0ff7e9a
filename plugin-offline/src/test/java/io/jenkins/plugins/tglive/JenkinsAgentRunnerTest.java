package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.TaskListener;
import io.tglive.run.CommandKind;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.aws.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent runner's contract, the local runner's: exit codes are results, output by line, timeouts, cancel. */
class JenkinsAgentRunnerTest {

  @TempDir Path dir;

  private final LocalAgent agent = new LocalAgent();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private JenkinsAgentRunner runner;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final Secrets secrets = new Secrets();

  JenkinsAgentRunnerTest() throws Exception {}

  @BeforeEach
  void runner() {
    TaskListener listener = mock(TaskListener.class);
    when(listener.getLogger()).thenReturn(new PrintStream(console, true, StandardCharsets.UTF_8));
    runner = new JenkinsAgentRunner(agent.launcher, agent.path(dir.toString()), listener,
        Map.of("FROM_THE_BUILD", "build", "OVERRIDDEN", "build"), "cookie-1", secrets);
  }

  private CommandSpec sh(String script, Duration timeout) {
    return new CommandSpec("live/net", CommandKind.SHOW, List.of("sh", "-c", script),
        Map.of("OVERRIDDEN", "command"), "abc", dir, Optional.empty(), timeout);
  }

  @Test
  void aNonZeroExitIsAResultWithStandardOutputAloneKeptAndBothStreamsLogged() throws Exception {
    CommandResult result = runner.run(sh("echo out $FROM_THE_BUILD $OVERRIDDEN $" + JenkinsAgentRunner.COOKIE
        + "; echo err >&2; printf 'no newline'; exit 3", Duration.ofMinutes(1)), log::add);

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.stdout()).isEqualTo("out build command cookie-1\nno newline\n");
    assertThat(log).containsExactlyInAnyOrder("out build command cookie-1", "err", "no newline");
    assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("$ sh -c echo out").contains("err\n");
  }

  @Test
  void aSecretTheCommandPrintsIsMaskedInTheUnitLogAndTheBuildLogButKeptInItsOutput() throws Exception {
    secrets.add("wJalrXUtnFEMI/K7MDENG/bPxRfiCY");
    CommandSpec leaky = new CommandSpec("live/net", CommandKind.PLAN, List.of("sh", "-c",
        "echo \"key=$AWS_SECRET_ACCESS_KEY\"; echo \"again $AWS_SECRET_ACCESS_KEY\" >&2"),
        Map.of("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCY"), "abc", dir, Optional.empty(),
        Duration.ofMinutes(1));

    CommandResult result = runner.run(leaky, log::add);

    assertThat(log).containsExactlyInAnyOrder("key=****", "again ****");
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("key=****\n", "again ****\n")
        .doesNotContain("wJalrXUtnFEMI");
    assertThat(result.stdout()).isEqualTo("key=wJalrXUtnFEMI/K7MDENG/bPxRfiCY\n");
  }

  @Test
  void aCommandOutlivingItsTimeoutIsStoppedAndReported() {
    assertThatThrownBy(() -> runner.run(sh("sleep 30", Duration.ofMillis(500)), log::add))
        .isInstanceOf(RunnerException.class).hasMessage("live/net: sh -c timed out after PT0.5S");
    assertThat(agent.started.get(0).getValue().toHandle().onExit()).succeedsWithin(Duration.ofSeconds(10));
  }

  @Test
  void anInterruptStopsTheProcessTreeBeforeItIsRethrown() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        runner.run(sh("sleep 60 & sleep 60; wait", Duration.ofMinutes(1)), log::add);
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    worker.start();
    while (agent.started.isEmpty() || agent.started.get(0).getValue().descendants().count() < 2) {
      Thread.sleep(50);
    }
    List<ProcessHandle> tree = agent.started.get(0).getValue().descendants().toList();
    worker.interrupt();
    worker.join(10_000);

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    for (ProcessHandle process : tree) {
      process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(agent.started.get(0).getValue().isAlive()).isFalse();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aProgramThatCannotStartIsARunnerFailure() {
    CommandSpec missing = new CommandSpec("live/net", CommandKind.PLAN, List.of(dir.resolve("no-such").toString()),
        Map.of(), "abc", dir, Optional.empty(), Duration.ofMinutes(1));

    assertThatThrownBy(() -> runner.run(missing, log::add)).isInstanceOf(RunnerException.class)
        .hasMessageStartingWith("live/net: cannot start " + dir.resolve("no-such") + " on the agent: ")
        .satisfies(e -> assertThat(((RunnerException) e).isTransient()).isFalse());
  }
}
