package io.jenkins.plugins.tglive;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import hudson.model.Action;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.StringParameterValue;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.kohsuke.github.GHCommitPointer;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;

/**
 * A controller for the queue's Jenkins classes, offline: {@code JENKINS_HOME} is a temporary directory
 * (the queues are the engine's, for real), {@code scheduleBuild2} records each build with the actions
 * the plugin passed (parameters and causes as constructed), and GitHub payloads are github-api objects
 * answering as a webhook's would.
 */
final class QueueFixture implements AutoCloseable {

  /** A build the plugin scheduled: its job, its parameters, its cause, its queue action. */
  record Scheduled(Job<?, ?> job, Map<String, String> parameters, String cause, QueueBuildAction action) {}

  final List<Scheduled> scheduled = new ArrayList<>();
  final Jenkins jenkins = mock(Jenkins.class);
  private final List<QueueTrigger> triggers = new ArrayList<>();
  private final MockedStatic<Jenkins> jenkinsStatic = mockStatic(Jenkins.class);
  private final MockedStatic<ParameterizedJobMixIn> mixIn = mockStatic(ParameterizedJobMixIn.class);
  private final Map<Object, String[]> values = new java.util.IdentityHashMap<>();
  private final MockedConstruction<StringParameterValue> parameterValues = mockConstruction(
      StringParameterValue.class, (value, context) -> values.put(value,
          new String[] {(String) context.arguments().get(0), (String) context.arguments().get(1)}));
  private final Map<Object, List<?>> parameterLists = new java.util.IdentityHashMap<>();
  private final MockedConstruction<ParametersAction> parametersActions = mockConstruction(ParametersAction.class,
      (action, context) -> parameterLists.put(action, (List<?>) context.arguments().get(0)));
  private final Map<Object, Object[]> causes = new java.util.IdentityHashMap<>();
  private final MockedConstruction<CauseAction> causeActions = mockConstruction(CauseAction.class,
      (action, context) -> causes.put(action, (Object[]) context.arguments().get(0)));
  boolean refuse;

  QueueFixture(Path home) {
    jenkinsStatic.when(Jenkins::get).thenReturn(jenkins);
    when(jenkins.getRootDir()).thenReturn(home.toFile());
    mixIn.when(() -> ParameterizedJobMixIn.scheduleBuild2(any(), anyInt(), any(Action[].class)))
        .thenAnswer(invocation -> {
          if (refuse) {
            return null;
          }
          Object[] arguments = invocation.getArguments();
          Map<String, String> parameters = new LinkedHashMap<>();
          String cause = null;
          QueueBuildAction queueAction = null;
          for (int i = 2; i < arguments.length; i++) {
            Object action = arguments[i];
            if (parameterLists.containsKey(action)) {
              parameterLists.get(action).forEach(v -> parameters.put(values.get(v)[0], values.get(v)[1]));
            } else if (causes.containsKey(action)) {
              cause = ((QueueCause) causes.get(action)[0]).getShortDescription();
            } else if (action instanceof QueueBuildAction a) {
              queueAction = a;
            }
          }
          scheduled.add(new Scheduled((Job<?, ?>) arguments[0], parameters, cause, queueAction));
          return mock(Queue.Item.class);
        });
  }

  /** Jenkins restarts in the same JVM (as JenkinsSessionExtension does): a new controller, the same home. */
  void restart(Path home) {
    Jenkins next = mock(Jenkins.class);
    when(next.getRootDir()).thenReturn(home.toFile());
    jenkinsStatic.when(Jenkins::get).thenReturn(next);
  }

  /** A job (a Queue.Task, as a WorkflowJob is). */
  static Job<?, ?> job(String name) {
    Job<?, ?> job = mock(Job.class, withSettings().extraInterfaces(Queue.Task.class));
    when(job.getFullName()).thenReturn(name);
    return job;
  }

  /** A {@code terragruntQueue} trigger, started on {@code job} as Jenkins starts it (resume runs at once). */
  QueueTrigger trigger(Job<?, ?> job, String repository, int maxAttempts) {
    QueueTrigger trigger = new QueueTrigger(repository);
    trigger.setMaxAttempts(maxAttempts);
    trigger.started(job, Runnable::run);
    triggers.add(trigger);
    return trigger;
  }

  /** A {@code pull_request} webhook payload of {@code acme/live}. */
  static GHEventPayload.PullRequest payload(String repository, int number, String action, String base, String head,
      String merge, String mergedAt) throws Exception {
    GHEventPayload.PullRequest payload = mock(GHEventPayload.PullRequest.class);
    GHPullRequest pullRequest = mock(GHPullRequest.class);
    GHRepository repo = mock(GHRepository.class);
    GHCommitPointer basePointer = mock(GHCommitPointer.class);
    GHCommitPointer headPointer = mock(GHCommitPointer.class);
    GHUser user = mock(GHUser.class);
    when(payload.getRepository()).thenReturn(repo);
    when(repo.getFullName()).thenReturn(repository);
    when(payload.getNumber()).thenReturn(number);
    when(payload.getAction()).thenReturn(action);
    when(payload.getPullRequest()).thenReturn(pullRequest);
    when(pullRequest.getBase()).thenReturn(basePointer);
    when(basePointer.getRef()).thenReturn(base);
    when(pullRequest.getHead()).thenReturn(headPointer);
    when(headPointer.getSha()).thenReturn(head);
    when(pullRequest.getMergedAt()).thenReturn(mergedAt == null ? null : java.util.Date.from(
        java.time.Instant.parse(mergedAt)));
    when(pullRequest.getMergeCommitSha()).thenReturn(merge);
    when(pullRequest.getUser()).thenReturn(user);
    when(user.getLogin()).thenReturn("dev" + number);
    return payload;
  }

  static GHEventPayload.PullRequest merged(int number, String head, String mergedAt) throws Exception {
    return payload("acme/live", number, "closed", "main", head, "m-" + head, mergedAt);
  }

  /** Completes a scheduled build as Jenkins does: the run listener with its result; returns the build log. */
  String complete(Scheduled build, boolean success) {
    Run<?, ?> run = mock(Run.class);
    when(run.getAction(QueueBuildAction.class)).thenReturn(build.action());
    when(run.getParent()).thenAnswer(invocation -> build.job());
    Result result = mock(Result.class);
    when(result.isBetterOrEqualTo(any())).thenReturn(success);
    when(result.toString()).thenReturn(success ? "SUCCESS" : "FAILURE");
    when(run.getResult()).thenReturn(result);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TaskListener listener = mock(TaskListener.class);
    when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
    QueueRunListener runListener = mock(QueueRunListener.class, org.mockito.Mockito.CALLS_REAL_METHODS);
    runListener.onCompleted(run, listener);
    return log.toString(StandardCharsets.UTF_8);
  }

  /** The pull request numbers of the scheduled builds, in order. */
  List<String> scheduledPrs() {
    return scheduled.stream().map(s -> s.parameters().get("TG_PR")).toList();
  }

  @Override
  public void close() {
    triggers.forEach(QueueTrigger::stop);
    causeActions.close();
    parametersActions.close();
    parameterValues.close();
    mixIn.close();
    jenkinsStatic.close();
  }
}
