package io.jenkins.plugins.tglive;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.policy.AccountMapping;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunJournal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.mockito.Mockito;

/**
 * Build 7 of job {@code live} on an agent of this machine ({@link LocalAgent}) with the real terragrunt
 * and OpenTofu (local state under {@code state/}): its run (keeping its actions, its directory
 * {@code build/}), environment, log and workspace {@code ws/}; its stack as {@code terragruntStack}
 * computes it; and step executions built as Jenkins restores them (a StepExecution's constructor needs
 * Jenkins): without a constructor, their serialized fields set, their context at hand.
 */
final class AgentBuild {

  /** An execution and the outcome its context receives. */
  record Step<E extends StepExecution>(E execution, CompletableFuture<Object> result) {

    @SuppressWarnings("unchecked")
    Map<String, Object> await() throws Exception {
      return (Map<String, Object>) result.get(5, TimeUnit.MINUTES);
    }

    Map<String, Object> run() throws Exception {
      execution.start();
      return await();
    }
  }

  final Path dir;
  final Path tools;
  final Path state;
  final LocalAgent agent;
  final FilePath workspace;
  final Run<?, ?> run = runWithActions();
  final EnvVars env = mock(EnvVars.class, CALLS_REAL_METHODS);
  final TaskListener listener = mock(TaskListener.class);
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  AgentBuild(Path dir) throws Exception {
    this.dir = dir;
    tools = RealUnitsFixture.tools();
    state = Files.createDirectories(dir.resolve("state"));
    agent = new LocalAgent();
    workspace = agent.path(dir.resolve("ws").toString());
    env.putAll(RealUnitsFixture.environment(tools, state));
    when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    when(run.getRootDir()).thenReturn(dir.resolve("build").toFile());
    when(run.getNumber()).thenReturn(7);
    when(run.getExternalizableId()).thenReturn("live#7");
  }

  /** The real terragrunt's path, as a step's {@code terragrunt} option names it. */
  String terragrunt() {
    return tools.resolve("bin/terragrunt").toString();
  }

  /** Computes the stack of the live repository {@code ws/infra} (main to feature), as terragruntStack does. */
  void stack(String accounts) throws Exception {
    RealUnitsFixture.create(dir.resolve("ws/infra"), accounts);
    TerragruntStackStep step = new TerragruntStackStep();
    step.setDir("infra");
    step.setBase("main");
    step.setHead("feature");
    StepContext context = mock(StepContext.class);
    when(context.get(Run.class)).thenAnswer(invocation -> run);
    when(context.get(TaskListener.class)).thenReturn(listener);
    when(context.get(FilePath.class)).thenReturn(workspace);
    when(context.get(EnvVars.class)).thenReturn(env);
    TerragruntStackStep.Execution.stack(step, context, () -> AccountMapping.EMPTY);
  }

  /**
   * {@code execution} (a mock calling its real methods, or a deserialized copy, which is then spied so
   * that every serialized field is kept) with this build's context at hand.
   */
  @SuppressWarnings("unchecked")
  <E extends StepExecution> Step<E> restore(E execution) throws Exception {
    E revived = Mockito.mockingDetails(execution).isMock() ? execution
        : (E) mock(execution.getClass(), Mockito.withSettings().spiedInstance(execution)
            .defaultAnswer(CALLS_REAL_METHODS));
    CompletableFuture<Object> result = new CompletableFuture<>();
    StepContext context = mock(StepContext.class);
    when(context.get(Run.class)).thenAnswer(invocation -> run);
    when(context.get(TaskListener.class)).thenReturn(listener);
    when(context.get(FilePath.class)).thenReturn(workspace);
    when(context.get(Launcher.class)).thenReturn(agent.launcher);
    when(context.get(EnvVars.class)).thenReturn(env);
    doAnswer(invocation -> result.complete(invocation.getArgument(0))).when(context).onSuccess(any());
    doAnswer(invocation -> result.completeExceptionally(invocation.getArgument(0))).when(context).onFailure(any());
    doReturn(context).when(revived).getContext();
    return new Step<>(revived, result);
  }

  /** The events of the build's run journal. */
  List<RunEvent> events() throws IOException {
    return RunJournal.read(dir.resolve("build/tglive/journal.jsonl")).events();
  }

  /** The local state of {@code unit}. */
  JsonNode state(String unit) throws IOException {
    return new ObjectMapper().readTree(state.resolve(unit).resolve("terraform.tfstate").toFile());
  }

  /** What the build's log says so far. */
  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  /** Ends the build's run, as the build's end does. */
  void end() throws IOException {
    BuildRuns.end(run, "the test ended");
  }

  /** Sets a (serialized) field {@code owner} declares, as Jenkins' deserialization would have. */
  static void set(Object target, Class<?> owner, String name, Object value) throws ReflectiveOperationException {
    Field field = owner.getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }

  @SuppressWarnings("unchecked")
  private static Run<?, ?> runWithActions() {
    Run<?, ?> run = mock(Run.class);
    List<Action> actions = new ArrayList<>();
    doAnswer(invocation -> actions.add(invocation.getArgument(0))).when(run).addAction(any());
    when(run.getActions(any())).thenAnswer(invocation -> {
      Class<?> type = invocation.getArgument(0);
      return actions.stream().filter(type::isInstance).toList();
    });
    return run;
  }
}
