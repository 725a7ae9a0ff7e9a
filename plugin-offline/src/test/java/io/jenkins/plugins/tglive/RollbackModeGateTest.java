package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
import io.tglive.rollback.ModeVote;
import io.tglive.rollback.RollbackPlan;
import io.tglive.rollback.RollbackPreview;
import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.mockito.MockedStatic;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * {@code tgRollbackGate} and the gates page's rollback parts: the rollback voters choose the mode
 * through the page's POST endpoint, the waiting step returns it (after a serialization round trip
 * and a restart too), and the page exposes the rollback preview the engine computed.
 */
class RollbackModeGateTest {

  @TempDir Path buildDir;

  private Run<?, ?> run;
  private final ApprovalGatesAction action = new ApprovalGatesAction();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private MockedStatic<Timer> timers;
  private MockedStatic<Timer> timerThreadTimers;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void build() throws Exception {
    run = GateRunFixture.build(buildDir);
    action.onAttached(run);
    timers = mockStatic(Timer.class);
    timers.when(Timer::get).thenReturn(timer);
    // static mocks are per thread: Jenkins' timer thread reschedules the check through Timer.get() too
    timerThreadTimers = timer.submit(() -> {
      MockedStatic<Timer> mocked = mockStatic(Timer.class);
      mocked.when(Timer::get).thenReturn(timer);
      return mocked;
    }).get();
  }

  @AfterEach
  void stop() throws Exception {
    timers.close();
    timer.submit(timerThreadTimers::close).get();
    timer.shutdownNow();
  }

  @Test
  void theRollbackVotersChooseTheModeOnThePageAndTheWaitingStepReturnsItAfterARestart() throws Exception {
    changed(new GateRules(false, null, null, null, new RollbackRules(List.of("oncall", "group:sre"), 1, 1)));
    Step step = gate(List.of("all", "none"));
    assertThat(step.execution.start()).as("waits").isFalse();
    assertThat(log()).contains("tgRollbackGate: choose the rollback mode (all, none): 1 vote(s) choose a mode,"
        + " 1 choose none, from oncall, group:sre; vote at https://ci.example/job/live/7/tglive-gates/");
    assertThat(run.getActions(ApprovalGatesAction.class)).hasSize(1);

    Step restored = revive(TerragruntStackCallableTest.overTheWire(step.execution));
    step.execution.stop(new InterruptedException("the controller went down"));
    restored.execution.onResume();
    assertThat(post("alice", List.of(), "all")).isEqualTo("alice may not choose the rollback mode (voters: oncall,"
        + " group:sre)");
    verify(response).setStatus(403);
    post("erin", List.of("sre"), "all");

    assertThat(restored.result.get(30, TimeUnit.SECONDS)).isEqualTo("all");
    assertThat(action.getModeVote().chosen()).isEqualTo("all");
    assertThat(action.getModeVoteText()).isEqualTo("all 1 of 1, none 0 of 1; all chosen");
  }

  @Test
  void aDeployThatChangedNothingHasNothingToChooseNone() throws Exception {
    Step step = gate(List.of("all", "selective", "none"));
    assertThat(step.execution.start()).isTrue();
    assertThat(step.result.get()).isEqualTo("none");
    assertThat(action.getModeVote()).isNull();
  }

  @Test
  void theModeEndpointAcceptsOnlyPost() throws Exception {
    assertThat(ApprovalGatesAction.class.getMethod("doRollbackMode", StaplerRequest2.class, StaplerResponse2.class)
        .isAnnotationPresent(RequirePOST.class)).isTrue();
  }

  @Test
  void thePageExposesTheRollbackPreviewTheEngineComputed() throws Exception {
    Path runDir = buildDir.resolve("tglive");
    RollbackPlan preview = RollbackPreview.write(runDir, (commit, path) -> null); // neither unit exists at base
    assertThat(action.getRollbackPreview()).isEqualTo(preview.lines()).contains(
        "  1. destroy (added by the change): app — if the run applies it");
    assertThat(action.getRollbackGates()).isEmpty();
  }

  private final StaplerRequest2 request = mock(StaplerRequest2.class);
  private final StaplerResponse2 response = mock(StaplerResponse2.class);

  private String post(String user, List<String> groups, String choice) throws Exception {
    StringWriter body = new StringWriter();
    when(response.getWriter()).thenReturn(new PrintWriter(body));
    Authentication who = mock(Authentication.class);
    when(who.getName()).thenReturn(user);
    List<GrantedAuthority> authorities = groups.stream().map(g -> (GrantedAuthority) () -> g).toList();
    when(who.getAuthorities()).thenAnswer(call -> authorities);
    when(request.getParameter("choice")).thenReturn(choice);
    when(request.getParameter("from")).thenReturn("page");
    try (MockedStatic<Jenkins> jenkins = mockStatic(Jenkins.class)) {
      jenkins.when(Jenkins::getAuthentication2).thenReturn(who);
      action.doRollbackMode(request, response);
    }
    return body.toString().strip();
  }

  /** The fixture's app applied by the run, under {@code rules}. */
  private void changed(GateRules rules) throws Exception {
    Path dir = buildDir.resolve("tglive");
    java.nio.file.Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    try (RunLedger ledger = RunLedger.create(dir, new RunHeader("build-7", "/ws", "main", "b".repeat(40), "feature",
        "c".repeat(40), List.of(new RunUnit("app", false, "prod", List.of(), 0, List.of("alice"), 1, 1, rules))))) {
      ledger.record(RunEvent.of(EventType.PLANNED, "app").withPlan(GateRunFixture.plan(), null));
      ledger.record(RunEvent.of(EventType.APPLY_STARTED, "app").withPlan(GateRunFixture.plan(), null));
      ledger.record(RunEvent.of(EventType.APPLIED, "app").withPlan(GateRunFixture.plan(), null));
    }
  }

  private record Step(TgRollbackGateStep.Execution execution, CompletableFuture<Object> result) {}

  private Step gate(List<String> choices) throws Exception {
    TgRollbackGateStep.Execution execution = mock(TgRollbackGateStep.Execution.class, CALLS_REAL_METHODS);
    Field field = TgRollbackGateStep.Execution.class.getDeclaredField("choices");
    field.setAccessible(true);
    field.set(execution, new ArrayList<>(choices));
    return revive(execution);
  }

  private Step revive(TgRollbackGateStep.Execution from) throws Exception {
    TgRollbackGateStep.Execution execution = org.mockito.Mockito.mockingDetails(from).isMock() ? from
        : mock(TgRollbackGateStep.Execution.class, org.mockito.Mockito.withSettings().spiedInstance(from)
            .defaultAnswer(CALLS_REAL_METHODS));
    CompletableFuture<Object> result = new CompletableFuture<>();
    StepContext context = mock(StepContext.class);
    TaskListener listener = mock(TaskListener.class);
    when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    EnvVars env = mock(EnvVars.class, CALLS_REAL_METHODS);
    when(env.get("BUILD_URL")).thenReturn("https://ci.example/job/live/7/");
    when(context.get(Run.class)).thenAnswer(invocation -> run);
    when(context.get(TaskListener.class)).thenReturn(listener);
    when(context.get(EnvVars.class)).thenReturn(env);
    doAnswer(invocation -> result.complete(invocation.getArgument(0))).when(context).onSuccess(any());
    doAnswer(invocation -> result.completeExceptionally(invocation.getArgument(0))).when(context).onFailure(any());
    doReturn(context).when(execution).getContext();
    return new Step(execution, result);
  }

  private String log() {
    return log.toString(StandardCharsets.UTF_8);
  }
}
