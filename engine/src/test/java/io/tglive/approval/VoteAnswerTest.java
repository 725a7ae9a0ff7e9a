package io.tglive.approval;

import static io.tglive.approval.GateFixture.hash;
import static io.tglive.approval.GateFixture.plan;
import static io.tglive.approval.GateFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON answer scripts get for a vote: its fields, order and words are fixed. */
class VoteAnswerTest {

  @TempDir Path tmp;

  @Test
  void aRecordedVoteGivesTheGateWithItsCountsAndVotes() throws Exception {
    VoteLedger ledger = GateFixture.ledger(GateFixture.run(tmp), GateFixture.fixed("2026-11-30T10:00:00Z"));
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob", "carol"), 2, 1), "PR #12", "c");

    VoteResult result = ledger.vote(new VoteRequest("app", null, "alice", Decision.APPROVE, "looks \"right\" <ok>"),
        Membership.NONE);

    assertThat(VoteAnswer.of(result).json()).isEqualTo("""
        {
          "accepted": true,
          "outcome": "recorded",
          "message": "alice voted approve on app: 1 of 2 approvals, 0 of 1 rejections",
          "gate": {
            "unit": "app",
            "planHash": "%s",
            "status": "open",
            "approvals": 1,
            "approvalsRequired": 2,
            "rejections": 0,
            "rejectionsRequired": 1,
            "votes": [
              {
                "voter": "alice",
                "decision": "approve",
                "at": "2026-11-30T10:00:00Z",
                "comment": "looks \\"right\\" <ok>"
              }
            ]
          }
        }
        """.formatted(hash('a')));
  }

  @Test
  void aRefusalWithoutAGateHasANullGate() throws Exception {
    GateFixture.run(tmp);
    VoteResult result = VoteLedger.voteIn(tmp, GateFixture.approve("nope", "alice"), Membership.NONE);

    assertThat(VoteAnswer.of(result).json()).isEqualTo("""
        {
          "accepted": false,
          "outcome": "unknown-unit",
          "message": "run %s has no unit nope",
          "gate": null
        }
        """.formatted(GateFixture.RUN));
  }

  @Test
  void aRefusalTheCallerMadeKeepsItsWord() {
    assertThat(VoteAnswer.refused("not-logged-in", "log in to vote").json())
        .contains("\"accepted\": false", "\"outcome\": \"not-logged-in\"", "\"gate\": null");
  }

  @Test
  void everyOutcomeHasADistinctWord() {
    assertThat(Arrays.stream(VoteOutcome.values()).map(VoteAnswer::word)).doesNotHaveDuplicates()
        .contains("recorded", "changed", "unchanged", "not-a-voter", "author", "closed", "unknown-run", "unknown-unit",
            "no-open-gate", "wrong-plan", "plan-changed");
  }
}
