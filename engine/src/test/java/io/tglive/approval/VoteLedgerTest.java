package io.tglive.approval;

import static io.tglive.approval.GateFixture.approve;
import static io.tglive.approval.GateFixture.hash;
import static io.tglive.approval.GateFixture.plan;
import static io.tglive.approval.GateFixture.reject;
import static io.tglive.approval.GateFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoteLedgerTest {

  @TempDir Path tmp;
  private VoteLedger ledger;

  @BeforeEach
  void run() throws Exception {
    ledger = GateFixture.ledger(GateFixture.run(tmp), Clock.systemUTC());
  }

  @Test
  void theGatePassesAtTheRequiredApprovalsAndNotBefore() throws Exception {
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob", "carol"), 2, 2), "PR #12", "c");
    VoteResult first = ledger.vote(approve("app", "alice"), Membership.NONE);
    assertThat(first.outcome()).isEqualTo(VoteOutcome.RECORDED);
    assertThat(first.gate().orElseThrow().status()).isEqualTo(GateStatus.OPEN);
    VoteResult second = ledger.vote(approve("app", "bob"), Membership.NONE);
    assertThat(second.gate().orElseThrow().status()).isEqualTo(GateStatus.APPROVED);
    assertThat(second.gate().orElseThrow().approvers()).containsExactly("alice", "bob");
    assertThat(second.message()).isEqualTo("bob voted approve on app: 2 of 2 approvals, 0 of 2 rejections; approved");
  }

  @Test
  void theGateFailsAtTheRequiredRejections() throws Exception {
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob", "carol"), 2, 2), "PR #12", "c");
    ledger.vote(reject("app", "alice", "too big"), Membership.NONE);
    ledger.vote(approve("app", "bob"), Membership.NONE);
    GateState gate = ledger.vote(reject("app", "carol", "no"), Membership.NONE).gate().orElseThrow();
    assertThat(gate.status()).isEqualTo(GateStatus.REJECTED);
    assertThat(GateKeeper.decision(gate)).isEqualTo(
        io.tglive.run.gate.GateDecision.reject("alice, carol", "alice: too big; carol: no"));
  }

  @Test
  void aVoterMayChangeTheirVoteUntilTheGateSettlesAndARepeatIsIdempotent() throws Exception {
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob"), 2, 2), "PR #12", "c");
    assertThat(ledger.vote(reject("app", "alice", "wait"), Membership.NONE).outcome()).isEqualTo(VoteOutcome.RECORDED);
    assertThat(ledger.vote(reject("app", "alice", "wait"), Membership.NONE).outcome())
        .isEqualTo(VoteOutcome.UNCHANGED);
    VoteResult changed = ledger.vote(approve("app", "alice"), Membership.NONE);
    assertThat(changed.outcome()).isEqualTo(VoteOutcome.CHANGED);
    assertThat(changed.gate().orElseThrow().votes()).hasSize(1);
    assertThat(changed.gate().orElseThrow().rejecters()).isEmpty();
    assertThat(ledger.vote(approve("app", "bob"), Membership.NONE).gate().orElseThrow().status())
        .isEqualTo(GateStatus.APPROVED);
    VoteResult late = ledger.vote(reject("app", "alice", "changed my mind"), Membership.NONE);
    assertThat(late.outcome()).isEqualTo(VoteOutcome.CLOSED);
    assertThat(late.message()).startsWith("gate closed: app was already approved");
    assertThat(ledger.audit()).hasSize(3);
  }

  @Test
  void groupMembersVoteThroughTheMembershipTheCallerSupplies() throws Exception {
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "group:leads"), 1, 1), "PR #12", "c");
    assertThat(ledger.vote(approve("app", "erin"), Membership.NONE).outcome()).isEqualTo(VoteOutcome.NOT_A_VOTER);
    Membership leads = Membership.of(Map.of("erin", Set.of("leads")));
    assertThat(ledger.vote(approve("app", "erin"), leads).gate().orElseThrow().status())
        .isEqualTo(GateStatus.APPROVED);
  }

  @Test
  void theAuthorMayRejectButNotApproveUnlessSelfApprovalIsAllowed() throws Exception {
    ledger.open("app", plan(hash('a')), terms(List.of("dana", "bob"), 1, 1), "PR #12", "c");
    assertThat(ledger.vote(approve("app", "DANA"), Membership.NONE).outcome()).isEqualTo(VoteOutcome.AUTHOR);
    ledger.open("old", plan(hash('b')), new GateTerms(List.of("dana", "bob"), 1, 1, true,
        GateFixture.CHANGE.authors(), null, ""), "PR #12", "c");
    assertThat(ledger.vote(approve("old", "dana"), Membership.NONE).gate().orElseThrow().status())
        .isEqualTo(GateStatus.APPROVED);
    assertThat(ledger.vote(reject("app", "dana", "no"), Membership.NONE).gate().orElseThrow().status())
        .isEqualTo(GateStatus.REJECTED);
  }

  @Test
  void aNewPlanHashStartsWithoutVotesAndTheSameHashKeepsThem() throws Exception {
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob"), 2, 1), "PR #12", "c");
    ledger.vote(approve("app", "alice"), Membership.NONE);
    assertThat(ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob"), 2, 1), "PR #12", "c").approvers())
        .containsExactly("alice");
    GateState replanned = ledger.open("app", plan(hash('b')), terms(List.of("alice", "bob"), 2, 1), "PR #12", "c");
    assertThat(replanned.votes()).isEmpty();
    assertThat(replanned.hash()).isEqualTo(hash('b'));
    VoteResult stale = ledger.vote(new VoteRequest("app", hash('a'), "bob", Decision.APPROVE, ""), Membership.NONE);
    assertThat(stale.outcome()).isEqualTo(VoteOutcome.PLAN_CHANGED);
  }

  @Test
  void aGateNoVotesCouldPassIsRejectedWhenItOpens() throws Exception {
    GateState gate = ledger.open("app", plan(hash('a')), terms(List.of("dana", "bob"), 2, 1), "PR #12", "c");
    assertThat(gate.status()).isEqualTo(GateStatus.REJECTED);
    assertThat(gate.reason()).isEqualTo(
        "the gate cannot pass: it needs 2 approval(s) but only 1 voter(s) may approve (the change's author may not)");
  }

  @Test
  void everyVoteIsInTheAuditLogWithRunChangeAndCommit() throws Exception {
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob"), 2, 1), "PR #12", "c".repeat(40));
    ledger.vote(new VoteRequest("app", null, "alice", Decision.APPROVE, "ship it"), Membership.NONE);
    List<String> lines = Files.readAllLines(tmp.resolve(VoteLedger.AUDIT));
    assertThat(lines).hasSize(1);
    JsonNode entry = new ObjectMapper().readTree(lines.get(0));
    assertThat(entry.get("run").asText()).isEqualTo(GateFixture.RUN);
    assertThat(entry.get("unit").asText()).isEqualTo("app");
    assertThat(entry.get("planHash").asText()).isEqualTo(hash('a'));
    assertThat(entry.get("voter").asText()).isEqualTo("alice");
    assertThat(entry.get("decision").asText()).isEqualTo("approve");
    assertThat(entry.get("comment").asText()).isEqualTo("ship it");
    assertThat(entry.get("change").asText()).isEqualTo("PR #12");
    assertThat(entry.get("commit").asText()).isEqualTo("c".repeat(40));
    assertThat(entry.get("time").asText()).isNotBlank();
  }

  @Test
  void aLastLineCutShortByACrashIsIgnoredAndOverwritten() throws Exception {
    ledger.open("app", plan(hash('a')), terms(List.of("alice", "bob"), 2, 1), "PR #12", "c");
    ledger.vote(approve("app", "alice"), Membership.NONE);
    Files.write(tmp.resolve(VoteLedger.FILE), "{\"kind\":\"vote\",\"unit\":\"app\",\"vot".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
    assertThat(ledger.current("app").orElseThrow().approvers()).containsExactly("alice");
    ledger.vote(approve("app", "bob"), Membership.NONE);
    assertThat(ledger.current("app").orElseThrow().status()).isEqualTo(GateStatus.APPROVED);
    assertThat(Files.readAllLines(tmp.resolve(VoteLedger.FILE))).hasSize(3).allMatch(l -> l.endsWith("}"));
  }

  @Test
  void concurrentVotersAreEachCountedOnce() throws Exception {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      voters.add("user" + i);
    }
    ledger.open("app", plan(hash('a')), terms(voters, 40, 40), "PR #12", "c");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<VoteResult>> results = new ArrayList<>();
    for (String voter : voters) {
      results.add(pool.submit(() -> GateFixture.ledger(tmp, Clock.systemUTC()).vote(approve("app", voter),
          Membership.NONE)));
      results.add(pool.submit(() -> ledger.vote(approve("app", voter), Membership.NONE)));
    }
    int recorded = 0;
    for (Future<VoteResult> result : results) {
      recorded += result.get().outcome() == VoteOutcome.RECORDED ? 1 : 0;
    }
    pool.shutdown();
    assertThat(recorded).isEqualTo(40);
    assertThat(ledger.current("app").orElseThrow().status()).isEqualTo(GateStatus.APPROVED);
    assertThat(ledger.audit()).hasSize(40);
  }
}
