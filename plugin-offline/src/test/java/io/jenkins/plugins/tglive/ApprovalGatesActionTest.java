package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.model.Run;
import io.tglive.approval.ChangeInfo;
import io.tglive.approval.GateKeeper;
import io.tglive.approval.GateState;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.stack.ApprovalPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.mockito.MockedStatic;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

class ApprovalGatesActionTest {

  @TempDir Path buildDir;
  private final ApprovalGatesAction action = new ApprovalGatesAction();
  private final StaplerRequest2 request = mock(StaplerRequest2.class);
  private final StaplerResponse2 response = mock(StaplerResponse2.class);
  private final StringWriter body = new StringWriter();

  @BeforeEach
  void openGate() throws Exception {
    Run<?, ?> run = GateRunFixture.build(buildDir);
    action.onAttached(run);
    new GateKeeper(VoteLedger.in(buildDir.resolve("tglive")), new ChangeInfo("PR #12", "c", List.of("dana")),
        GateNotifier.NONE, u -> Optional.empty(), Clock.systemUTC())
        .open("app", new ApprovalPolicy(List.of("alice", "bob", "group:leads"), 2, 1), GateRunFixture.plan());
    when(response.getWriter()).thenReturn(new PrintWriter(body));
  }

  private void post(String user, List<String> groups, String decision, String from) throws Exception {
    Authentication who = mock(Authentication.class);
    when(who.getName()).thenReturn(user);
    List<GrantedAuthority> authorities = groups.stream().map(g -> (GrantedAuthority) () -> g).toList();
    when(who.getAuthorities()).thenAnswer(call -> authorities);
    when(request.getParameter("unit")).thenReturn("app");
    when(request.getParameter("plan")).thenReturn(GateRunFixture.HASH);
    when(request.getParameter("decision")).thenReturn(decision);
    when(request.getParameter("comment")).thenReturn("from the page");
    when(request.getParameter("from")).thenReturn(from);
    try (MockedStatic<Jenkins> jenkins = mockStatic(Jenkins.class)) {
      jenkins.when(Jenkins::getAuthentication2).thenReturn(who);
      action.doVote(request, response);
    }
  }

  @Test
  void theVoteEndpointAcceptsOnlyPost() throws Exception {
    assertThat(ApprovalGatesAction.class.getMethod("doVote", StaplerRequest2.class, StaplerResponse2.class)
        .isAnnotationPresent(RequirePOST.class)).isTrue();
  }

  @Test
  void aNonVoterIsRefusedWith403AndNothingIsRecorded() throws Exception {
    post("mallory", List.of("authenticated"), "approve", "page");
    verify(response).setStatus(403);
    assertThat(body.toString()).startsWith("mallory is not a voter of app");
    assertThat(VoteLedger.in(buildDir.resolve("tglive")).current("app").orElseThrow().votes()).isEmpty();
  }

  @Test
  void theAuthenticatedUsersGroupsMakeThemAVoterAndThePageIsShownAgain() throws Exception {
    post("erin", List.of("authenticated", "leads"), "approve", "page");
    verify(response).sendRedirect(".");
    GateState gate = action.getGates().get(0);
    assertThat(gate.approvers()).containsExactly("erin");
    assertThat(gate.votes().get(0).comment()).isEqualTo("from the page");
  }

  @Test
  void aScriptGetsTheStatusAndTheVoteAsJson() throws Exception {
    post("alice", List.of(), "reject", null);
    verify(response).setStatus(200);
    verify(response).setContentType("application/json;charset=UTF-8");
    assertThat(body.toString().replaceAll("\"at\": \"[^\"]+\"", "\"at\": \"T\"")).isEqualTo("""
        {
          "accepted": true,
          "outcome": "recorded",
          "message": "alice voted reject on app: 0 of 2 approvals, 1 of 1 rejections; rejected",
          "gate": {
            "unit": "app",
            "planHash": "%s",
            "status": "rejected",
            "approvals": 0,
            "approvalsRequired": 2,
            "rejections": 1,
            "rejectionsRequired": 1,
            "votes": [
              {
                "voter": "alice",
                "decision": "reject",
                "at": "T",
                "comment": "from the page"
              }
            ]
          }
        }
        """.formatted(GateRunFixture.HASH));
  }

  @Test
  void aRefusedScriptGetsTheRefusalAsJson() throws Exception {
    post("mallory", List.of(), "approve", null);
    verify(response).setStatus(403);
    assertThat(body.toString()).startsWith("{\n  \"accepted\": false,\n  \"outcome\": \"not-a-voter\",\n"
        + "  \"message\": \"mallory is not a voter of app");
  }

  @Test
  void thePageEscapesEveryValueItShows() throws Exception {
    String index = jelly("index.jelly");
    String gate = jelly("gate.jelly");
    // Comments, voters, plan lines and units are all written with ${…}, which this header escapes.
    for (String page : List.of(index, gate)) {
      assertThat(page).startsWith("<?jelly escape-by-default='true'?>").doesNotContain("<j:out", "escapeText");
    }
    assertThat(gate).contains("${vote.comment()}", "${vote.voter()}");
    assertThat(index).contains("${ballot.comment()}", "${ballot.voter()}");
  }

  private static String jelly(String name) throws Exception {
    try (var in = ApprovalGatesAction.class.getResourceAsStream("ApprovalGatesAction/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
