package io.jenkins.plugins.tglive;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import hudson.init.InitMilestone;
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
import jenkins.scm.api.SCMHeadEvent;
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
 * the plugin passed (parameters and causes as constructed) and puts it in Jenkins' queue, builds start
 * and end as the test says, a restart keeps what Jenkins would have saved, and GitHub payloads are
 * github-api objects answering as a webhook's would.
 */
final class QueueFixture implements AutoCloseable {

  /** A build the plugin scheduled: its job, its parameters, its cause, its queue action. */
  record Scheduled(Job<?, ?> job, Map<String, String> parameters, String cause, QueueBuildAction action) {}

  final List<Scheduled> scheduled = new ArrayList<>();
  final Jenkins jenkins = mock(Jenkins.class);
  /** The items in Jenkins' queue (scheduled builds that did not start). */
  final List<Queue.Item> queueItems = new ArrayList<>();
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
    controller(jenkins, home, InitMilestone.COMPLETED);
    jenkinsStatic.when(Jenkins::get).thenReturn(jenkins);
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
          Scheduled build = new Scheduled((Job<?, ?>) arguments[0], parameters, cause, queueAction);
          scheduled.add(build);
          Queue.Item item = mock(Queue.Item.class);
          when(item.getTask()).thenReturn((Queue.Task) build.job());
          when(item.getAction(QueueBuildAction.class)).thenReturn(queueAction);
          queueItems.add(item);
          return item;
        });
  }

  private void controller(Jenkins controller, Path home, InitMilestone level) {
    when(controller.getRootDir()).thenReturn(home.toFile());
    when(controller.getInitLevel()).thenReturn(level);
    Queue queue = mock(Queue.class);
    when(queue.getItems()).thenAnswer(invocation -> queueItems.toArray(new Queue.Item[0]));
    when(controller.getQueue()).thenReturn(queue);
  }

  /**
   * Jenkins restarts in the same JVM (as JenkinsSessionExtension does): a new controller, the same home,
   * starting (jobs load before the saved queue does); its queue keeps what {@code keepQueue} says Jenkins
   * had saved. Then, as Jenkins once it has loaded everything, call {@link QueueRecovery#recoverAll()}.
   */
  void restart(Path home, boolean keepQueue) {
    Jenkins next = mock(Jenkins.class);
    controller(next, home, InitMilestone.JOB_LOADED);
    if (!keepQueue) {
      queueItems.clear();
    }
    jenkinsStatic.when(Jenkins::get).thenReturn(next);
  }

  void restart(Path home) {
    restart(home, true);
  }

  /**
   * Jenkins starts a scheduled build: it leaves the queue and becomes the job's newest build, running,
   * or already ended with {@code result} (a build that ended while no listener could record it).
   */
  Run<?, ?> start(Scheduled build, Result result) {
    queueItems.removeIf(item -> item.getAction(QueueBuildAction.class) == build.action());
    Run<?, ?> run = mock(Run.class);
    when(run.getAction(QueueBuildAction.class)).thenReturn(build.action());
    when(run.getTimeInMillis()).thenReturn(System.currentTimeMillis());
    when(run.isBuilding()).thenReturn(result == null);
    when(run.getResult()).thenReturn(result);
    doReturn(build.job().getLastBuild()).when(run).getPreviousBuild();
    doReturn(run).when(build.job()).getLastBuild();
    return run;
  }

  /** A build result, as {@code Result} compares and prints. */
  static Result result(boolean success) {
    Result result = mock(Result.class);
    when(result.isBetterOrEqualTo(any())).thenReturn(success);
    when(result.toString()).thenReturn(success ? "SUCCESS" : "FAILURE");
    return result;
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

  /** Delivers a GitHub event as github-branch-source does: through the SCM event listener. */
  static void fire(GHEventPayload.PullRequest payload) {
    SCMHeadEvent<?> event = mock(SCMHeadEvent.class);
    when(event.getPayload()).thenAnswer(invocation -> payload);
    mock(QueueEvents.class, org.mockito.Mockito.CALLS_REAL_METHODS).onSCMHeadEvent(event);
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
    Run<?, ?> run = start(build, result(success));
    when(run.getParent()).thenAnswer(invocation -> build.job());
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
