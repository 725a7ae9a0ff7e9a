package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import io.tglive.queue.DeployQueue;
import io.tglive.queue.Enqueue;
import java.io.StringReader;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GitHub;

/**
 * The {@code terragruntQueue} trigger in a real Jenkins: merges (GitHub payloads parsed by github-api, as
 * github-branch-source delivers them) become one build each, in order; the dispatcher holds any other
 * build; an override reorders; a queued entry survives a controller restart, and a deploying entry whose
 * build was lost in one is scheduled again.
 */
class TerragruntQueueTest {

  @RegisterExtension private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();
  @RegisterExtension private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  /** A deploy job: the queue's parameters, a semaphore holding each deployment, the trigger. */
  private static WorkflowJob deployJob(JenkinsRule r) throws Exception {
    WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "deploy");
    p.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("TG_QUEUE", ""),
        new StringParameterDefinition("TG_PR", ""), new StringParameterDefinition("TG_HEAD_COMMIT", ""),
        new StringParameterDefinition("TG_MERGE_COMMIT", ""), new StringParameterDefinition("TG_BASE_REF", "")));
    p.setDefinition(new CpsFlowDefinition(
        "echo \"deploying PR ${params.TG_PR} at ${params.TG_MERGE_COMMIT}\"\nsemaphore 'deploy'\n", true));
    p.addTrigger(new QueueTrigger("acme/live"));
    return p;
  }

  /** A {@code pull_request} webhook payload as GitHub sends it when {@code pr} is merged into main. */
  private static GHEventPayload.PullRequest merged(int pr, String mergedAt) throws Exception {
    String json = "{\"action\":\"closed\",\"number\":" + pr + ",\"pull_request\":{\"number\":" + pr
        + ",\"state\":\"closed\",\"merged_at\":\"" + mergedAt + "\",\"merge_commit_sha\":\"m" + pr
        + "\",\"mergeable_state\":\"unknown\",\"user\":{\"login\":\"dev" + pr + "\"},"
        + "\"base\":{\"ref\":\"main\",\"sha\":\"b" + pr + "\"},\"head\":{\"ref\":\"f" + pr + "\",\"sha\":\"h" + pr
        + "\"}},\"repository\":{\"full_name\":\"acme/live\",\"name\":\"live\"}}";
    return GitHub.offline().parseEventPayload(new StringReader(json), GHEventPayload.PullRequest.class);
  }

  /** A {@code pull_request} webhook payload as GitHub sends it when {@code head} is pushed to the open {@code pr}. */
  private static GHEventPayload.PullRequest synchronize(int pr, String head) throws Exception {
    String json = "{\"action\":\"synchronize\",\"number\":" + pr + ",\"pull_request\":{\"number\":" + pr
        + ",\"state\":\"open\",\"mergeable_state\":\"unknown\",\"user\":{\"login\":\"dev" + pr + "\"},"
        + "\"base\":{\"ref\":\"main\",\"sha\":\"b" + pr + "\"},\"head\":{\"ref\":\"f" + pr + "\",\"sha\":\"" + head
        + "\"}},\"repository\":{\"full_name\":\"acme/live\",\"name\":\"live\"}}";
    return GitHub.offline().parseEventPayload(new StringReader(json), GHEventPayload.PullRequest.class);
  }

  private static String parameter(WorkflowRun b, String name) {
    return String.valueOf(b.getAction(ParametersAction.class).getParameter(name).getValue());
  }

  private static String blockage(JenkinsRule r, WorkflowJob p) throws Exception {
    for (int i = 0; i < 100; i++) {
      r.jenkins.getQueue().maintain();
      Queue.Item item = r.jenkins.getQueue().getItem(p);
      if (item instanceof Queue.BlockedItem blocked) {
        return blocked.getCauseOfBlockage().getShortDescription();
      }
      Thread.sleep(100);
    }
    return null;
  }

  @Test
  void twoMergesGiveTwoBuildsInMergeOrderAndOtherBuildsWaitWithTheReason() throws Throwable {
    sessions.then(r -> {
      WorkflowJob p = deployJob(r);
      QueueEvents.deliver(merged(12, "2026-01-01T10:00:00Z"), QueueDispatch.jenkins());
      QueueEvents.deliver(merged(13, "2026-01-01T10:05:00Z"), QueueDispatch.jenkins());

      SemaphoreStep.waitForStart("deploy/1", null);
      WorkflowRun first = p.getBuildByNumber(1);
      assertThat(parameter(first, "TG_PR")).isEqualTo("12");
      assertThat(parameter(first, "TG_MERGE_COMMIT")).isEqualTo("m12");
      assertThat(first.getCause(QueueCause.class).getShortDescription())
          .isEqualTo("Started by the Terragrunt deploy queue acme/live: PR #12, head h12, merge m12, into main");
      assertThat(p.getBuildByNumber(2)).isNull();

      p.scheduleBuild2(0);
      assertThat(blockage(r, p)).isEqualTo("waiting: PR #12 is deploying");

      SemaphoreStep.success("deploy/1", null);
      r.assertBuildStatusSuccess(r.waitForCompletion(first));
      SemaphoreStep.waitForStart("deploy/2", null);
      WorkflowRun second = p.getBuildByNumber(2);
      assertThat(parameter(second, "TG_PR")).isEqualTo("13");
      assertThat(blockage(r, p)).isEqualTo("waiting: PR #13 is deploying");
      SemaphoreStep.success("deploy/2", null);
      r.assertBuildStatusSuccess(r.waitForCompletion(second));
      SemaphoreStep.waitForStart("deploy/3", null);
      assertThat(parameter(p.getBuildByNumber(3), "TG_PR")).isEmpty();
      SemaphoreStep.success("deploy/3", null);
      r.waitUntilNoActivity();
    });
  }

  @Test
  void aNewCommitOfTheDeployingPullRequestDeploysNextBeforeTheQueuedOnes() throws Throwable {
    sessions.then(r -> {
      WorkflowJob p = deployJob(r);
      QueueEvents.deliver(merged(12, "2026-01-01T10:00:00Z"), QueueDispatch.jenkins());
      QueueEvents.deliver(merged(13, "2026-01-01T10:05:00Z"), QueueDispatch.jenkins());
      SemaphoreStep.waitForStart("deploy/1", null);

      QueueEvents.deliver(synchronize(12, "h12b"), QueueDispatch.jenkins());

      String page = r.createWebClient().goTo(QueueRootAction.URL_NAME + "/").getWebResponse().getContentAsString();
      assertThat(page).contains("now (stopping)");
      SemaphoreStep.success("deploy/1", null);
      r.waitForCompletion(p.getBuildByNumber(1));
      SemaphoreStep.waitForStart("deploy/2", null);
      WorkflowRun second = p.getBuildByNumber(2);
      assertThat(parameter(second, "TG_PR")).isEqualTo("12");
      assertThat(parameter(second, "TG_HEAD_COMMIT")).isEqualTo("h12b");
      SemaphoreStep.success("deploy/2", null);
      SemaphoreStep.waitForStart("deploy/3", null);
      assertThat(parameter(p.getBuildByNumber(3), "TG_PR")).isEqualTo("13");
      SemaphoreStep.success("deploy/3", null);
      r.waitUntilNoActivity();
    });
  }

  @Test
  void anOverrideOnTheQueuePageMovesAPullRequestToTheFront() throws Throwable {
    sessions.then(r -> {
      WorkflowJob p = deployJob(r);
      QueueEvents.deliver(merged(11, "2026-01-01T09:00:00Z"), QueueDispatch.jenkins());
      QueueEvents.deliver(merged(12, "2026-01-01T10:00:00Z"), QueueDispatch.jenkins());
      QueueEvents.deliver(merged(13, "2026-01-01T11:00:00Z"), QueueDispatch.jenkins());
      SemaphoreStep.waitForStart("deploy/1", null);

      String page = r.createWebClient().goTo(QueueRootAction.URL_NAME + "/").getWebResponse().getContentAsString();
      assertThat(page).contains("data-pr=\"11\" data-state=\"deploying\"").contains("data-pr=\"12\" data-state=\"queued\"");
      assertThat(QueueRootAction.change(QueueDispatch.jenkins(), "override", "acme/live", "13", null, true, "admin",
          TerragruntLiveConfiguration.DEFAULT_QUEUE_PERMISSION))
          .isEqualTo(new QueueRootAction.Reply(200, "override: PR #13 (h13) in queue acme/live by admin"));

      SemaphoreStep.success("deploy/1", null);
      SemaphoreStep.waitForStart("deploy/2", null);
      assertThat(parameter(p.getBuildByNumber(2), "TG_PR")).isEqualTo("13");
      SemaphoreStep.success("deploy/2", null);
      SemaphoreStep.waitForStart("deploy/3", null);
      assertThat(parameter(p.getBuildByNumber(3), "TG_PR")).isEqualTo("12");
      SemaphoreStep.success("deploy/3", null);
      r.waitUntilNoActivity();
    });
  }

  @Test
  void aQueuedEntryDeploysAfterARestart() throws Throwable {
    sessions.then(r -> {
      deployJob(r);
      QueueEvents.deliver(merged(11, "2026-01-01T09:00:00Z"), QueueDispatch.jenkins());
      QueueEvents.deliver(merged(12, "2026-01-01T10:00:00Z"), QueueDispatch.jenkins());
      SemaphoreStep.waitForStart("deploy/1", null);
    });
    sessions.then(r -> {
      WorkflowJob p = r.jenkins.getItemByFullName("deploy", WorkflowJob.class);
      SemaphoreStep.success("deploy/1", null);
      r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(p.getBuildByNumber(1)));
      SemaphoreStep.waitForStart("deploy/2", null);
      assertThat(parameter(p.getBuildByNumber(2), "TG_PR")).isEqualTo("12");
      SemaphoreStep.success("deploy/2", null);
      r.waitUntilNoActivity();
    });
  }

  @Test
  void aDeployingEntryWhoseBuildWasLostIsScheduledAgainAfterARestart() throws Throwable {
    sessions.then(r -> {
      deployJob(r);
      // the controller stops after the entry started deploying and before Jenkins kept its build
      try (DeployQueue queue = QueueDispatch.jenkins().open("acme/live")) {
        queue.add(new Enqueue(null, "acme/live", 12, "main", "h12", "m12", "dev12", "2026-01-01T10:00:00Z"));
        assertThat(queue.next("acme/live").started()).isNotNull();
      }
      assertThat(r.jenkins.getItemByFullName("deploy", WorkflowJob.class).getLastBuild()).isNull();
    });
    sessions.then(r -> {
      WorkflowJob p = r.jenkins.getItemByFullName("deploy", WorkflowJob.class);
      SemaphoreStep.waitForStart("deploy/1", null);
      assertThat(parameter(p.getBuildByNumber(1), "TG_PR")).isEqualTo("12");
      assertThat(parameter(p.getBuildByNumber(1), "TG_MERGE_COMMIT")).isEqualTo("m12");
      SemaphoreStep.success("deploy/1", null);
      r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(p.getBuildByNumber(1)));
      r.waitUntilNoActivity();
      try (DeployQueue queue = QueueDispatch.jenkins().open("acme/live")) {
        assertThat(queue.deploying("acme/live")).isEmpty();
        assertThat(p.getBuildByNumber(2)).as("one build for the deployment, not two").isNull();
      }
    });
  }
}
