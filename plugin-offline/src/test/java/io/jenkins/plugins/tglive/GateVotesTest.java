package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.approval.ChangeInfo;
import io.tglive.approval.GateKeeper;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.notify.GateNotifier;
import io.tglive.policy.GateRules;
import io.tglive.stack.ApprovalPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refusal table on the HTTP layer: the vote endpoint's status and message for every refusal
 * (GET and a missing crumb are refused by Jenkins before the endpoint runs; see ApprovalGatesActionTest
 * and the JenkinsRule tests).
 */
class GateVotesTest {

  @TempDir Path buildDir;

  /** One row: before, the vote (user, groups, unit, plan, decision), the expected status and message start. */
  record Row(String name, List<String[]> before, String user, Set<String> groups, String unit, String plan,
      String decision, int status, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    String hash = GateRunFixture.HASH;
    String[] alice = {"alice", "approve"};
    String[] bob = {"bob", "approve"};
    return Stream.of(
        new Row("first vote", List.of(), "alice", Set.of(), "app", hash, "approve", 200,
            "alice voted approve on app: 1 of 2 approvals"),
        new Row("group member through the security realm", List.of(), "erin", Set.of("Leads"), "app", hash, "approve",
            200, "erin voted approve on app"),
        new Row("anonymous", List.of(), "anonymous", Set.of(), "app", hash, "approve", 403, "log in to vote"),
        new Row("non-voter (an administrator too)", List.of(), "admin", Set.of("admins"), "app", hash, "approve", 403,
            "admin is not a voter of app"),
        new Row("author", List.of(), "dana", Set.of(), "app", hash, "approve", 403,
            "dana wrote the change and may not approve it"),
        new Row("duplicate", List.<String[]>of(alice), "alice", Set.of(), "app", hash, "approve", 200,
            "alice already voted approve on app"),
        new Row("after settlement", List.of(alice, bob), "carol", Set.of(), "app", hash, "reject", 409,
            "gate closed: app was already approved"),
        new Row("unknown unit", List.of(), "alice", Set.of(), "nope", hash, "approve", 404, "run build-7 has no unit nope"),
        new Row("unit not waiting", List.of(), "alice", Set.of(), "db", hash, "approve", 404,
            "db is not waiting for approval"),
        new Row("wrong plan hash", List.of(), "alice", Set.of(), "app", "ff".repeat(32), "approve", 409,
            "app has no plan ffffffffffff"),
        new Row("no unit", List.of(), "alice", Set.of(), " ", hash, "approve", 400,
            "the vote names no unit (parameter 'unit')"),
        new Row("bad decision", List.of(), "alice", Set.of(), "app", hash, "maybe", 400,
            "parameter 'decision' must be approve or reject"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void theEndpointAnswersEveryVoteWithTheEnginesVerdict(Row row) throws Exception {
    Path runDir = openGate();
    for (String[] vote : row.before()) {
      GateVotes.vote(runDir, vote[0], Set.of(), "app", GateRunFixture.HASH, vote[1], "");
    }
    GateVotes.Reply reply = GateVotes.vote(runDir, row.user(), row.groups(), row.unit(), row.plan(), row.decision(), "");
    assertThat(reply.status()).isEqualTo(row.status());
    assertThat(reply.message()).startsWith(row.message());
    assertThat(reply.answer().accepted()).isEqualTo(row.status() == 200);
  }

  @org.junit.jupiter.api.Test
  void aVoteForAPlanThatChangedSinceThePageLoadedIsAConflict() throws Exception {
    Path runDir = openGate();
    keeper(runDir).open("app", policy(), new io.tglive.run.terragrunt.PlanSummary(1, 0, 0, 0, List.of(),
        new TreeSet<>(), List.of(), new TreeSet<>(), List.of(), "cd".repeat(32)));
    GateVotes.Reply reply = GateVotes.vote(runDir, "alice", Set.of(), "app", GateRunFixture.HASH, "approve", "");
    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.message()).isEqualTo("the plan of app changed since abababababab was shown: vote on plan cdcdcdcdcdcd");
    assertThat(reply.answer().outcome()).isEqualTo("plan-changed");
  }

  @org.junit.jupiter.api.Test
  void aVoteInABuildWithoutARunIsNotFound() {
    GateVotes.Reply reply = GateVotes.vote(buildDir.resolve("none"), "alice", Set.of(), "app", null, "approve", "");
    assertThat(reply.status()).isEqualTo(404);
  }

  private Path openGate() throws Exception {
    GateRunFixture.build(buildDir);
    Path runDir = buildDir.resolve("tglive");
    keeper(runDir).open("app", policy(), GateRunFixture.plan());
    return runDir;
  }

  private static ApprovalPolicy policy() {
    return new ApprovalPolicy(List.of("alice", "bob", "carol", "dana", "group:leads"), 2, 1, GateRules.DEFAULT);
  }

  private static GateKeeper keeper(Path runDir) throws Exception {
    return new GateKeeper(VoteLedger.in(runDir), new ChangeInfo("PR #12", "c".repeat(40), List.of("dana")),
        GateNotifier.NONE, u -> Optional.empty(), Clock.systemUTC());
  }
}
