package io.tglive.approval;

import static io.tglive.approval.GateFixture.hash;
import static io.tglive.approval.GateFixture.plan;
import static io.tglive.approval.GateFixture.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.approval.notify.GateNotice;
import io.tglive.policy.GateRules;
import io.tglive.run.gate.GateDecision;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateKeeperTest {

  private static final List<String> VOTERS = List.of("alice", "bob", "carol");

  @TempDir Path tmp;
  private final List<GateNotice> notices = new CopyOnWriteArrayList<>();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T10:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private GateKeeper keeper;

  @BeforeEach
  void run() throws Exception {
    VoteLedger ledger = GateFixture.ledger(GateFixture.run(tmp), clock);
    keeper = new GateKeeper(ledger, GateFixture.CHANGE, notices::add,
        unit -> Optional.of(URI.create("https://ci.example/job/live/7/tglive-gates/")), clock);
  }

  @Test
  void aDestroyNeedsOneMoreApprovalBoundedByTheListedVoters() throws Exception {
    assertThat(keeper.open("old", policy(VOTERS, 1, 1, GateRules.DEFAULT), plan(hash('a'))).terms())
        .extracting(GateTerms::approvalsRequired, GateTerms::stricter).containsExactly(2, "destroy");
    assertThat(keeper.open("old", policy(VOTERS, 3, 1, GateRules.DEFAULT), plan(hash('b'))).terms()
        .approvalsRequired()).isEqualTo(3);
    assertThat(keeper.open("app", policy(VOTERS, 1, 1, GateRules.DEFAULT), plan(hash('c'))).terms()
        .approvalsRequired()).isEqualTo(1);
  }

  @Test
  void destroyAndNewProviderRequirementsComeFromTheRules() throws Exception {
    GateRules rules = new GateRules(false, 3, 2, null);
    assertThat(keeper.open("old", policy(VOTERS, 1, 1, rules), plan(hash('a'))).terms().approvalsRequired())
        .isEqualTo(3);
    GateState provider = keeper.open("app", policy(VOTERS, 1, 1, rules),
        plan(hash('b'), Set.of("registry.opentofu.org/hashicorp/random")));
    assertThat(provider.terms().approvalsRequired()).isEqualTo(2);
    assertThat(provider.terms().stricter()).isEqualTo("new provider registry.opentofu.org/hashicorp/random");
  }

  @Test
  void aPolicyNeedingNoApprovalPassesAtOnce() throws Exception {
    GateState gate = keeper.open("app", policy(VOTERS, 0, 1, GateRules.DEFAULT), plan(hash('a')));
    assertThat(gate.status()).isEqualTo(GateStatus.APPROVED);
    assertThat(keeper.settled("app", hash('a'))).contains(GateDecision.approve("no gate", "approvalsRequired is 0"));
    assertThat(notices).isEmpty();
  }

  @Test
  void aGateIsRejectedWithReasonTimeoutOnceItsDeadlinePasses() throws Exception {
    keeper.open("app", policy(VOTERS, 1, 1, new GateRules(false, null, null, "PT30M")), plan(hash('a')));
    now.set(now.get().plus(Duration.ofMinutes(29)));
    assertThat(keeper.settled("app", hash('a'))).isEmpty();
    now.set(now.get().plus(Duration.ofMinutes(2)));
    assertThat(keeper.settled("app", hash('a'))).contains(GateDecision.reject("timeout", "timeout"));
    assertThat(keeper.ledger().vote(GateFixture.approve("app", "alice"), Membership.NONE).outcome())
        .isEqualTo(VoteOutcome.CLOSED);
  }

  @Test
  void votersAreNotifiedOncePerPlanWithTheChangeAndThePage() throws Exception {
    keeper.open("app", policy(VOTERS, 1, 1, GateRules.DEFAULT), plan(hash('a')));
    keeper.open("app", policy(VOTERS, 1, 1, GateRules.DEFAULT), plan(hash('a')));
    keeper.open("app", policy(VOTERS, 1, 1, GateRules.DEFAULT), plan(hash('b')));
    assertThat(notices).hasSize(2);
    GateNotice notice = notices.get(0);
    assertThat(notice.runId()).isEqualTo(GateFixture.RUN);
    assertThat(notice.account()).contains("prod");
    assertThat(notice.change()).isEqualTo("PR #12");
    assertThat(notice.voters()).isEqualTo(VOTERS);
    assertThat(notice.approvalPage()).contains(URI.create("https://ci.example/job/live/7/tglive-gates/"));
    assertThat(notices.get(1).plan().hash()).isEqualTo(hash('b'));
  }

  @Test
  void theVotingGateWaitsUntilVotesFromElsewhereSettleIt() throws Exception {
    VotingGate gate = new VotingGate(keeper, Duration.ofMillis(20), opened -> { });
    Thread voters = new Thread(() -> {
      try {
        VoteLedger other = GateFixture.ledger(tmp, Clock.systemUTC());
        while (other.current("app").isEmpty()) {
          Thread.sleep(10);
        }
        other.vote(new VoteRequest("app", null, "alice", Decision.APPROVE, "fine"), Membership.NONE);
        other.vote(new VoteRequest("app", null, "bob", Decision.APPROVE, ""), Membership.NONE);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    voters.start();
    GateDecision decision = gate.decide("app", policy(VOTERS, 2, 1, GateRules.DEFAULT), plan(hash('a')));
    voters.join();
    assertThat(decision).isEqualTo(GateDecision.approve("alice, bob", "alice: fine"));
  }
}
