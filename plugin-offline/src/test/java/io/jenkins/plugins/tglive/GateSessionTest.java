package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.tglive.approval.Decision;
import io.tglive.approval.Membership;
import io.tglive.approval.VoteLedger;
import io.tglive.approval.VoteOutcome;
import io.tglive.approval.VoteRequest;
import io.tglive.approval.notify.GateNotifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedConstruction;

class GateSessionTest {

  @TempDir Path buildDir;
  private Run<?, ?> run;
  private final EnvVars env = mock(EnvVars.class, CALLS_REAL_METHODS);

  @BeforeEach
  void build() throws Exception {
    run = GateRunFixture.build(buildDir);
    when(env.get("CHANGE_ID")).thenReturn("12");
    when(env.get("CHANGE_AUTHOR")).thenReturn("dana");
    when(env.get("BUILD_URL")).thenReturn("https://ci.example/job/live/7/");
  }

  private Path runDir() {
    return buildDir.resolve("tglive");
  }

  private VoteOutcome vote(String voter, Decision decision, String comment) throws Exception {
    return VoteLedger.voteIn(runDir(), new VoteRequest("app", GateRunFixture.HASH, voter, decision, comment),
        Membership.NONE).outcome();
  }

  @Test
  void openingJournalsTheWaitAddsThePageAndLinksToIt() throws Exception {
    String line = new GateSession("app", null, null, null, "deploy app?", null).open(run, env, false,
        GateNotifier.NONE);
    assertThat(line).isEqualTo("tgApprovalGate: app: deploy app? - plan abababababab (1 to create, 0 to update,"
        + " 0 to delete, 0 to replace) needs 2 approval(s) from alice, bob, carol, dana; vote at"
        + " https://ci.example/job/live/7/tglive-gates/");
    assertThat(run.getActions(ApprovalGatesAction.class)).hasSize(1);
    assertThat(Files.readString(runDir().resolve("journal.jsonl"))).contains("\"type\":\"AWAITING_APPROVAL\",\"unit\":\"app\"");
    assertThat(VoteLedger.in(runDir()).current("app").orElseThrow().change()).isEqualTo("PR #12");
  }

  @Test
  void twoVotersApproveTheAuthorIsRefusedAndTheStepReturnsTheVotesAfterARestart() throws Exception {
    GateSession session = new GateSession("app", null, null, null, null, null);
    session.open(run, env, false, GateNotifier.NONE);
    assertThat(session.check()).isEmpty();
    assertThat(vote("dana", Decision.APPROVE, "")).isEqualTo(VoteOutcome.AUTHOR);
    assertThat(vote("alice", Decision.APPROVE, "ok")).isEqualTo(VoteOutcome.RECORDED);
    GateSession restored = roundTrip(session);
    assertThat(restored.check()).isEmpty();
    assertThat(vote("bob", Decision.APPROVE, "")).isEqualTo(VoteOutcome.RECORDED);
    GateSession.Outcome outcome = restored.check().orElseThrow();
    assertThat(outcome.approved()).isTrue();
    assertThat(outcome.result()).containsEntry("approved", true).containsEntry("planHash", GateRunFixture.HASH);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> votes = (List<Map<String, Object>>) outcome.result().get("votes");
    assertThat(votes).extracting(v -> v.get("voter")).containsExactly("alice", "bob");
    assertThat(Files.readString(runDir().resolve("journal.jsonl")))
        .contains("\"type\":\"GATED\",\"unit\":\"app\"", "\"approved\":true,\"who\":\"alice, bob\"");
  }

  @Test
  void theApprovalReachesTheBuildsOpenRunSoTheApplyStepSeesIt() throws Exception {
    io.tglive.run.stepwise.StepwiseRun open = BuildRuns.of(run);
    try {
      GateSession session = new GateSession("app", null, null, null, null, null);
      session.open(run, env, false, GateNotifier.NONE);
      vote("alice", Decision.APPROVE, "");
      vote("bob", Decision.APPROVE, "");
      assertThat(session.check()).isPresent();
      String approved = open.ledger().read(state -> state.units().get("app").approvedHash());
      assertThat(approved).isEqualTo(GateRunFixture.HASH);
      List<Long> seqs = Files.readAllLines(runDir().resolve("journal.jsonl")).stream()
          .map(line -> Long.parseLong(line.replaceAll(".*\"seq\":(\\d+).*", "$1"))).toList();
      assertThat(seqs).as("one writer numbers the journal").doesNotHaveDuplicates().isSorted();
    } finally {
      BuildRuns.close(run);
    }
  }

  @Test
  void aReleaseChangeEndsAnOpenGateAndRefusesANewOneWithItsReason() throws Exception {
    String why = "release change by dev12: deploy bbb instead";
    try {
      GateSession session = new GateSession("app", null, null, null, null, null);
      session.open(run, env, false, GateNotifier.NONE);
      assertThat(session.check()).isEmpty();
      BuildRuns.of(run).release(why);
      GateSession.Outcome outcome = session.check().orElseThrow();
      assertThat(outcome.approved()).isFalse();
      assertThat(outcome.failure()).isEqualTo("tgApprovalGate: app: " + why);
      assertThat(abortMessage(() -> new GateSession("app", null, null, null, null, null).open(run, env, false,
          GateNotifier.NONE))).isEqualTo("tgApprovalGate: app: " + why);
    } finally {
      BuildRuns.close(run);
    }
  }

  @Test
  void aRejectionFailsTheStepNamingWhoRejected() throws Exception {
    GateSession session = new GateSession("app", null, null, null, null, null);
    session.open(run, env, false, GateNotifier.NONE);
    vote("carol", Decision.REJECT, "not today");
    GateSession.Outcome outcome = session.check().orElseThrow();
    assertThat(outcome.approved()).isFalse();
    assertThat(outcome.failure()).isEqualTo("tgApprovalGate: app was rejected by carol (carol: not today)");
    assertThat(Files.readString(runDir().resolve("journal.jsonl"))).contains("\"approved\":false,\"who\":\"carol\"");
  }

  @Test
  void aStricterOverrideNeedsMoreApprovalsAndALaxerOneIsRefused() throws Exception {
    new GateSession("app", List.of("alice", "bob", "carol"), 3, null, null, null).open(run, env, false,
        GateNotifier.NONE);
    assertThat(VoteLedger.in(runDir()).current("app").orElseThrow().terms().approvalsRequired()).isEqualTo(3);
    assertThat(abortMessage(() -> new GateSession("app", List.of("mallory"), 1, null, null, null).open(run, env,
        false, GateNotifier.NONE))).isEqualTo("tgApprovalGate: the gate's overrides may only make it stricter:"
            + " voters mallory are not voters of the account; approvals 1 is fewer than the account's 2");
  }

  @Test
  void aUnitWithoutAPlanOrOutsideTheRunIsAnError() {
    assertThat(abortMessage(() -> new GateSession("db", null, null, null, null, null).open(run, env, false,
        GateNotifier.NONE)))
        .isEqualTo("tgApprovalGate: db has no plan waiting for approval (it is pending): plan it first");
    assertThat(abortMessage(() -> new GateSession("nope", null, null, null, null, null).open(run, env, false,
        GateNotifier.NONE))).isEqualTo("tgApprovalGate: the run has no unit nope");
  }

  @Test
  void votersAreNotifiedWithThePage() throws Exception {
    List<io.tglive.approval.notify.GateNotice> notices = new java.util.ArrayList<>();
    new GateSession("app", null, null, null, null, null).open(run, env, false, notices::add);
    assertThat(notices).singleElement().satisfies(n -> {
      assertThat(n.change()).isEqualTo("PR #12");
      assertThat(n.approvalPage()).map(Object::toString).isEqualTo(Optional.of("https://ci.example/job/live/7/tglive-gates/"));
    });
  }

  private static String abortMessage(ThrowingCallable step) {
    List<String> messages = new java.util.ArrayList<>();
    try (MockedConstruction<AbortException> aborts = mockConstruction(AbortException.class,
        (abort, construction) -> messages.add((String) construction.arguments().get(0)))) {
      assertThatThrownBy(step).isInstanceOf(AbortException.class);
    }
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static GateSession roundTrip(GateSession session) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(session);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (GateSession) in.readObject();
    }
  }
}
