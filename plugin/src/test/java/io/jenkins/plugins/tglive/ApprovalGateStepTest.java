package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import hudson.model.Result;
import io.tglive.approval.ChangeInfo;
import io.tglive.approval.GateKeeper;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.actions.PauseAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * {@code tgApprovalGate} in real Pipelines, voted on over HTTP as people and scripts vote: through
 * the build's Approval gates page (its form, with the crumb Jenkins adds) and its {@code vote}
 * endpoint (POST with a crumb, or an API token). Unit {@code live/net} needs 2 approvals or 2
 * rejections of alice, bob, carol, dana (the change's author) or a member of {@code leads}; its
 * dependent {@code live/app} needs no approval. The security realm is {@link JenkinsRule.DummySecurityRealm}
 * (erin is in {@code leads}); everybody may read, admin administers, and nobody but the voters may vote.
 */
class ApprovalGateStepTest {

  @RegisterExtension private static final BuildWatcherExtension BUILD_WATCHER = new BuildWatcherExtension();
  @RegisterExtension private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  @TempDir Path dir;

  private GatedLiveRepo repo;

  @BeforeEach
  void repository() throws Exception {
    repo = GatedLiveRepo.create(dir);
  }

  private static void security(JenkinsRule r) {
    JenkinsRule.DummySecurityRealm realm = r.createDummySecurityRealm();
    realm.addGroups("erin", "leads");
    r.jenkins.setSecurityRealm(realm);
    r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
        .grant(Jenkins.READ, Item.READ).everywhere().toAuthenticated()
        .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
  }

  /** Starts build 1 of job {@code p} and waits until live/net's gate is open. */
  private WorkflowRun startAtTheGate(JenkinsRule r) throws Exception {
    security(r);
    WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
    p.setDefinition(new CpsFlowDefinition(repo.pipeline(), true));
    WorkflowRun b = p.scheduleBuild2(0).waitForStart();
    r.waitForMessage("tgApprovalGate: " + GatedLiveRepo.NET + " - plan ", b);
    return b;
  }

  /** The hash of live/net's plan, as the gates page shows it. */
  private static String planHash(WorkflowRun b) throws Exception {
    return VoteLedger.in(BuildRunJournal.directory(b)).current(GatedLiveRepo.NET).orElseThrow().hash();
  }

  /** A client that reads refusals instead of throwing on them. */
  private static JenkinsRule.WebClient client(JenkinsRule r) {
    JenkinsRule.WebClient wc = r.createWebClient();
    wc.setThrowExceptionOnFailingStatusCode(false);
    wc.getOptions().setPrintContentOnFailingStatusCode(false);
    return wc;
  }

  /** POSTs a vote to build {@code build}'s endpoint, with or without the crumb. */
  private static Page vote(JenkinsRule r, JenkinsRule.WebClient wc, String build, String unit, String plan,
      String decision, String comment, boolean crumb) throws Exception {
    WebRequest request = new WebRequest(new URL(r.getURL(), build + ApprovalGatesAction.URL_NAME + "/vote"),
        HttpMethod.POST);
    List<NameValuePair> parameters = new ArrayList<>(List.of(new NameValuePair("unit", unit),
        new NameValuePair("decision", decision), new NameValuePair("comment", comment)));
    if (plan != null) {
      parameters.add(new NameValuePair("plan", plan));
    }
    request.setRequestParameters(parameters);
    if (crumb) {
      wc.addCrumb(request);
    }
    return wc.getPage(request);
  }

  private static Page vote(JenkinsRule r, String user, WorkflowRun b, String decision, String comment)
      throws Exception {
    try (JenkinsRule.WebClient wc = client(r)) {
      wc.login(user);
      return vote(r, wc, b.getUrl(), GatedLiveRepo.NET, planHash(b), decision, comment, true);
    }
  }

  @Test
  void twoVotersApproveThroughThePageAndTheEndpointAndTheBuildAppliesWithTheVotesReturnedToGroovy()
      throws Throwable {
    sessions.then(r -> {
      WorkflowRun b = startAtTheGate(r);
      r.assertLogContains("needs 2 approval(s) from alice, bob, carol, dana, group:leads; vote at " + r.getURL()
          + "job/p/1/" + ApprovalGatesAction.URL_NAME + "/", b);

      try (JenkinsRule.WebClient wc = r.createWebClient()) {
        wc.login("alice");
        HtmlPage page = wc.getPage(b, ApprovalGatesAction.URL_NAME);
        HtmlForm form = page.getFirstByXPath("//form[@action='vote']");
        form.getInputByName("comment").setValue("looks right");
        r.submit(form, "decision");
      }
      assertThat(VoteLedger.in(BuildRunJournal.directory(b)).current(GatedLiveRepo.NET).orElseThrow().approvers())
          .containsExactly("alice");
      Page second = vote(r, "erin", b, "approve", "");
      assertThat(second.getWebResponse().getStatusCode()).isEqualTo(200);

      r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
      r.assertLogContains("gate live/net: approved=true plan=" + planHash(b)
          + " votes=[alice:approve:looks right, erin:approve:]", b);
      r.assertLogContains("applied live/net: true", b);
      r.assertLogContains("applied live/app: true", b);
      assertThat(Files.readString(repo.state(GatedLiveRepo.APP))).contains("app-on-net");
      String journal = Files.readString(BuildRunJournal.directory(b).resolve("journal.jsonl"));
      assertThat(journal).contains("\"type\":\"AWAITING_APPROVAL\",\"unit\":\"live/net\"",
          "\"type\":\"GATED\",\"unit\":\"live/net\"");
    });
  }

  @Test
  void rejectionsFailTheUnitNamingTheRejectersAndItsDependentIsBlocked() throws Throwable {
    sessions.then(r -> {
      WorkflowRun b = startAtTheGate(r);

      assertThat(vote(r, "alice", b, "reject", "not now").getWebResponse().getStatusCode()).isEqualTo(200);
      assertThat(vote(r, "carol", b, "reject", "too risky").getWebResponse().getStatusCode()).isEqualTo(200);

      r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b));
      r.assertLogContains("tgApprovalGate: live/net was rejected by alice, carol (alice: not now; carol: too risky)",
          b);
      r.assertLogContains("tgPlanPath: live/app: blocked by live/net", b);
      r.assertLogNotContains("applied live/", b);
      assertThat(repo.state(GatedLiveRepo.APP)).doesNotExist();
      assertThat(Files.readString(BuildRunJournal.directory(b).resolve("journal.jsonl")))
          .contains("\"type\":\"BLOCKED\",\"unit\":\"live/app\"");
    });
  }

  @Test
  void aGateSurvivesARestartWithItsVotesAndItsBranchStaysPausedLikeInputUntilItSettles() throws Throwable {
    String[] gateNode = new String[1];
    sessions.then(r -> {
      WorkflowRun b = startAtTheGate(r);
      FlowNode gate = pausedGate(b);
      assertThat(PauseAction.getCurrentPause(gate).getCause()).isEqualTo(PollingExecution.PAUSE_CAUSE);
      gateNode[0] = gate.getId();
      assertThat(vote(r, "alice", b, "approve", "before").getWebResponse().getStatusCode()).isEqualTo(200);
    });
    sessions.then(r -> {
      security(r);
      WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
      assertThat(b.isBuilding()).isTrue();
      FlowNode gate = b.getExecution().getNode(gateNode[0]);
      assertThat(PauseAction.isPaused(gate)).as("still paused after the restart").isTrue();
      assertThat(gate.getActions(PauseAction.class)).as("the same pause, not a second one").hasSize(1);
      assertThat(vote(r, "bob", b, "approve", "after").getWebResponse().getStatusCode()).isEqualTo(200);

      r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
      r.assertLogContains("votes=[alice:approve:before, bob:approve:after]", b);
      r.assertLogContains("applied live/app: true", b);
      assertThat(VoteLedger.in(BuildRunJournal.directory(b)).audit()).extracting(e -> e.voter())
          .containsExactly("alice", "bob");
      assertThat(PauseAction.isPaused(b.getExecution().getNode(gateNode[0]))).as("the pause ended with the gate")
          .isFalse();
    });
  }

  /** The flow node of live/net's waiting gate, once it is marked paused (just after the gate's first line). */
  private static FlowNode pausedGate(WorkflowRun b) throws Exception {
    for (int tries = 0; tries < 300; tries++) {
      Optional<FlowNode> gate = b.getExecution().getCurrentHeads().stream()
          .filter(node -> "tgApprovalGate".equals(node.getDisplayFunctionName()) && PauseAction.isPaused(node))
          .findFirst();
      if (gate.isPresent()) {
        return gate.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("live/net's gate never showed as paused");
  }

  /** One row of the refusal table: who votes how, and the status and outcome word expected. */
  private record Row(String name, String user, String build, String unit, String plan, String decision,
      boolean crumb, int status, String outcome) {}

  @Test
  void theVoteEndpointAnswersEveryRowOfTheRefusalTable() throws Throwable {
    sessions.then(r -> {
      WorkflowRun b = startAtTheGate(r);
      String hash = planHash(b);
      String build = b.getUrl();
      List<Row> rows = List.of(
          new Row("missing crumb", "alice", build, GatedLiveRepo.NET, hash, "approve", false, 403, null),
          new Row("non-voter", "mallory", build, GatedLiveRepo.NET, hash, "approve", true, 403, "not-a-voter"),
          new Row("administrator not listed", "admin", build, GatedLiveRepo.NET, hash, "approve", true, 403,
              "not-a-voter"),
          new Row("author", "dana", build, GatedLiveRepo.NET, hash, "approve", true, 403, "author"),
          new Row("unknown unit", "alice", build, "live/nope", hash, "approve", true, 404, "unknown-unit"),
          new Row("unknown run", "alice", "job/p/99/", GatedLiveRepo.NET, hash, "approve", true, 404, null),
          new Row("wrong plan hash", "alice", build, GatedLiveRepo.NET, "f".repeat(64), "approve", true, 409,
              "wrong-plan"),
          new Row("first vote", "alice", build, GatedLiveRepo.NET, hash, "approve", true, 200, "recorded"),
          new Row("duplicate", "alice", build, GatedLiveRepo.NET, hash, "approve", true, 200, "unchanged"),
          new Row("settling vote", "bob", build, GatedLiveRepo.NET, hash, "approve", true, 200, "recorded"),
          new Row("after settlement", "carol", build, GatedLiveRepo.NET, hash, "reject", true, 409, "closed"));

      try (JenkinsRule.WebClient wc = client(r)) {
        wc.login("alice");
        wc.assertFails(build + ApprovalGatesAction.URL_NAME + "/vote?unit=live/net&decision=approve", 405);
      }
      for (Row row : rows) {
        try (JenkinsRule.WebClient wc = client(r)) {
          wc.login(row.user());
          Page answer = vote(r, wc, row.build(), row.unit(), row.plan(), row.decision(), "", row.crumb());
          assertThat(answer.getWebResponse().getStatusCode()).as(row.name()).isEqualTo(row.status());
          if (row.outcome() != null) {
            assertThat(answer.getWebResponse().getContentType()).as(row.name()).isEqualTo("application/json");
            assertThat(answer.getWebResponse().getContentAsString()).as(row.name())
                .contains("\"outcome\": \"" + row.outcome() + "\"");
          }
        }
      }
      r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
      assertThat(VoteLedger.in(BuildRunJournal.directory(b)).current(GatedLiveRepo.NET).orElseThrow().votes())
          .extracting(v -> v.voter()).containsExactly("alice", "bob");

      // A vote for the plan a page showed before the unit was planned again (a resumed run re-plans it).
      reopenWithANewPlan(b);
      try (JenkinsRule.WebClient wc = client(r)) {
        wc.login("carol");
        Page answer = vote(r, wc, build, GatedLiveRepo.NET, hash, "approve", "", true);
        assertThat(answer.getWebResponse().getStatusCode()).as("plan changed since the page loaded").isEqualTo(409);
        assertThat(answer.getWebResponse().getContentAsString()).contains("\"outcome\": \"plan-changed\"");
      }
    });
  }

  /** Opens live/net's gate again for another plan, as planning it again in a resumed run does. */
  private static void reopenWithANewPlan(WorkflowRun b) throws Exception {
    Path runDir = BuildRunJournal.directory(b);
    new GateKeeper(VoteLedger.in(runDir), new ChangeInfo("feature", "c".repeat(40), List.of("dana")),
        GateNotifier.NONE, u -> Optional.empty(), Clock.systemUTC())
        .open(GatedLiveRepo.NET, new ApprovalPolicy(List.of("alice", "bob", "carol"), 2, 2),
            new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"), new TreeSet<>(), List.of(),
                new TreeSet<>(), List.of(), "e".repeat(64)));
  }

  @Test
  void aScriptVotesWithAnApiTokenAndNoCrumbAndReadsTheJsonAnswer() throws Throwable {
    sessions.then(r -> {
      WorkflowRun b = startAtTheGate(r);
      try (JenkinsRule.WebClient wc = client(r)) {
        wc.withBasicApiToken("bob");
        Page answer = vote(r, wc, b.getUrl(), GatedLiveRepo.NET, planHash(b), "approve", "scripted", false);

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(answer.getWebResponse().getContentAsString()).startsWith("""
            {
              "accepted": true,
              "outcome": "recorded",
              "message": "bob voted approve on live/net: 1 of 2 approvals, 0 of 2 rejections",
              "gate": {
                "unit": "live/net",
                "planHash": "%s",
                "status": "open",
            """.formatted(planHash(b)));
      }
      b.doStop();
      r.waitForCompletion(b);
    });
  }

  @Test
  void thePageEscapesCommentsAndShowsTheVotes() throws Throwable {
    sessions.then(r -> {
      WorkflowRun b = startAtTheGate(r);
      vote(r, "alice", b, "approve", "<img src=x onerror=alert(1)>");
      try (JenkinsRule.WebClient wc = r.createWebClient()) {
        wc.login("bob");
        String html = wc.getPage(b, ApprovalGatesAction.URL_NAME).getWebResponse().getContentAsString();

        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
        assertThat(html).contains("data-unit=\"live/net\" data-status=\"OPEN\"", "1 of 2 approvals, 0 of 2 rejections");
      }
      b.doStop();
      r.waitForCompletion(b);
    });
  }

  @Test
  void aGroupVoterTheSecurityRealmCannotListIsMailedAtItsFallbackAndTheBuildLogSaysSo() throws Throwable {
    sessions.then(r -> {
      NotificationConfig notifications = new NotificationConfig();
      notifications.setSmtpHost("127.0.0.1");
      notifications.setSmtpPort(9);
      notifications.setTls("none");
      notifications.setFrom("tglive@example.com");
      notifications.setAddresses(List.of("alice=alice@example.com", "group:leads=leads@example.com"));
      TerragruntLiveConfiguration.get().setNotifications(notifications);

      // The test realm knows group leads (erin is in it) but does not list its members.
      WorkflowRun b = startAtTheGate(r);

      r.waitForMessage("tgApprovalGate: group 'leads': its members cannot be listed here: notifying its address "
          + "leads@example.com (notifications.addresses)", b);
      r.assertLogContains("tgApprovalGate: voter 'bob' has no email address", b);
      b.doStop();
      r.waitForCompletion(b);
    });
  }
}
