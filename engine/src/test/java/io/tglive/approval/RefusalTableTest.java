package io.tglive.approval;

import static io.tglive.approval.GateFixture.hash;
import static io.tglive.approval.GateFixture.plan;
import static io.tglive.approval.GateFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a vote is refused, on the engine: each row sets up a run with gate {@code app} open on
 * plan {@code a…} (2 of alice, bob, dana; dana wrote the change), casts one vote and expects its
 * outcome and message, and that the refused vote changed nothing.
 */
class RefusalTableTest {

  @TempDir Path tmp;

  /** One row: what happened before, the vote, the expected outcome and message start. */
  record Row(String name, Setup before, VoteRequest vote, VoteOutcome outcome, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What happened before the vote. */
  @FunctionalInterface
  interface Setup {
    void apply(VoteLedger ledger) throws Exception;
  }

  static Stream<Arguments> refusals() {
    Setup none = ledger -> { };
    return Stream.of(
        new Row("non-voter", none, vote("app", null, "mallory", Decision.APPROVE),
            VoteOutcome.NOT_A_VOTER, "mallory is not a voter of app (voters: alice, bob, dana)"),
        new Row("author", none, vote("app", null, "dana", Decision.APPROVE),
            VoteOutcome.AUTHOR, "dana wrote the change and may not approve it"),
        new Row("author by e-mail", none, vote("app", null, "dana@example.com", Decision.APPROVE),
            VoteOutcome.NOT_A_VOTER, "dana@example.com is not a voter of app"),
        new Row("duplicate", ledger -> ledger.vote(vote("app", null, "alice", Decision.APPROVE), Membership.NONE),
            vote("app", null, "alice", Decision.APPROVE), VoteOutcome.UNCHANGED, "alice already voted approve on app"),
        new Row("after settlement", ledger -> {
          ledger.vote(vote("app", null, "alice", Decision.APPROVE), Membership.NONE);
          ledger.vote(vote("app", null, "bob", Decision.APPROVE), Membership.NONE);
        }, vote("app", null, "dana", Decision.REJECT), VoteOutcome.CLOSED, "gate closed: app was already approved"),
        new Row("after a timeout", ledger -> {
          ledger.open("app", plan(hash('b')), new GateTerms(List.of("alice", "bob", "dana"), 2, 1, false, List.of(),
              "2000-01-01T00:00:00Z", ""), "PR #12", "c");
          ledger.expireIfDue("app", hash('b'));
        }, vote("app", null, "alice", Decision.APPROVE), VoteOutcome.CLOSED,
            "gate closed: app was already rejected (timeout)"),
        new Row("unknown unit", none, vote("nope", null, "alice", Decision.APPROVE),
            VoteOutcome.UNKNOWN_UNIT, "run " + GateFixture.RUN + " has no unit nope"),
        new Row("unit not waiting", none, vote("old", null, "alice", Decision.APPROVE),
            VoteOutcome.NO_OPEN_GATE, "old is not waiting for approval"),
        new Row("wrong plan hash", none, vote("app", hash('f'), "alice", Decision.APPROVE),
            VoteOutcome.WRONG_PLAN, "app has no plan " + hash('f') + " (its plan is aaaaaaaaaaaa)"),
        new Row("plan changed since the page loaded",
            ledger -> ledger.open("app", plan(hash('b')), terms(List.of("alice", "bob", "dana"), 2, 1), "PR #12", "c"),
            vote("app", hash('a'), "alice", Decision.APPROVE),
            VoteOutcome.PLAN_CHANGED, "the plan of app changed since aaaaaaaaaaaa was shown: vote on plan bbbbbbbbbbbb"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aVoteIsRefusedWithAClearReason(Row row) throws Exception {
    VoteLedger ledger = GateFixture.ledger(GateFixture.run(tmp), Clock.systemUTC());
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob", "dana"), 2, 1), "PR #12", "c");
    row.before().apply(ledger);
    List<String> before = Files.readAllLines(tmp.resolve(VoteLedger.FILE));
    VoteResult result = VoteLedger.voteIn(tmp, row.vote(), Membership.NONE);
    assertThat(result.outcome()).isEqualTo(row.outcome());
    assertThat(result.message()).startsWith(row.message());
    if (!row.outcome().accepted() || row.outcome() == VoteOutcome.UNCHANGED) {
      assertThat(Files.readAllLines(tmp.resolve(VoteLedger.FILE))).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "unknown run")
  @MethodSource("unknownRun")
  void aVoteForAnUnknownRunIsRefused(Path where) throws Exception {
    Path dir = tmp.resolve(where);
    VoteResult result = VoteLedger.voteIn(dir, vote("app", null, "alice", Decision.APPROVE), Membership.NONE);
    assertThat(result.outcome()).isEqualTo(VoteOutcome.UNKNOWN_RUN);
    assertThat(result.message()).isEqualTo("no run in " + dir);
    assertThat(dir.resolve(VoteLedger.FILE)).doesNotExist();
  }

  static Stream<Path> unknownRun() {
    return Stream.of(Path.of("missing"), Path.of(""));
  }

  private static VoteRequest vote(String unit, String hash, String voter, Decision decision) {
    return new VoteRequest(unit, hash, voter, decision, "");
  }
}
