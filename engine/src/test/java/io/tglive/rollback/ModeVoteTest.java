package io.tglive.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.approval.Membership;
import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.PlanSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModeVoteTest {

  @TempDir Path run;

  private static final RunUnit DEV = new RunUnit("dev/app", false, "dev", List.of(), 0, List.of("alice"), 1, 1,
      new GateRules(false, null, null, null, new RollbackRules(List.of("oncall"), 1, 1)));
  private static final RunUnit PROD = new RunUnit("prod/app", false, "prod", List.of("dev/app"), 0,
      List.of("bob", "carol", "group:sre"), 2, 2);
  private static final RunHeader HEADER = new RunHeader("r1", "/repo", "main", "b", "feature", "h", List.of(DEV, PROD));

  @Test
  void theTermsAreTheRollbackPoliciesOfTheUnitsTheRunChanged() throws Exception {
    ModeVote.Terms terms = ModeVote.terms(HEADER, Map.of("dev/app", applied("dev/app"), "prod/app",
        applied("prod/app")), List.of("all", "Selective", "none", "all")).orElseThrow();
    assertThat(terms).isEqualTo(new ModeVote.Terms(List.of("all", "selective", "none"),
        List.of("oncall", "bob", "carol", "group:sre"), 2, 2));
    assertThat(ModeVote.terms(HEADER, Map.of("dev/app", applied("dev/app")), List.of("all", "none")).orElseThrow())
        .as("prod changed nothing: its voters do not choose").isEqualTo(
            new ModeVote.Terms(List.of("all", "none"), List.of("oncall"), 1, 1));
    assertThat(ModeVote.terms(HEADER, Map.of(), List.of("all"))).as("nothing changed, nothing to choose").isEmpty();
    assertThatThrownBy(() -> ModeVote.terms(HEADER, Map.of(), List.of("most")))
        .hasMessage("unknown rollback mode 'most': use all, selective or none");
  }

  @Test
  void aModeIsChosenWhenItHasTheApprovalsRequiredAndNoneWithTheRejectionsRequired() throws Exception {
    ModeVote.open(run, new ModeVote.Terms(List.of("all", "selective", "none"), List.of("bob", "carol", "group:sre"),
        2, 1));
    assertThat(vote("mallory", "all").outcome()).isEqualTo(ModeVote.Outcome.NOT_A_VOTER);
    assertThat(vote("bob", "sideways").message()).isEqualTo("'sideways' is not offered: choose all, selective, none");
    assertThat(vote("bob", "all").message()).isEqualTo("bob chose all; all 1 of 2, selective 0 of 2, none 0 of 1; open");
    assertThat(vote("bob", "all").outcome()).isEqualTo(ModeVote.Outcome.UNCHANGED);
    assertThat(vote("bob", "selective").outcome()).as("a voter may change their mind").isEqualTo(
        ModeVote.Outcome.RECORDED);
    assertThat(ModeVote.vote(run, "erin", (user, group) -> group.equals("sre"), "selective", "the db only",
        Clock.systemUTC()).message()).endsWith("selective 2 of 2, none 0 of 1; selective chosen");
    assertThat(ModeVote.read(run).orElseThrow().chosen()).isEqualTo("selective");
    assertThat(vote("carol", "none").outcome()).isEqualTo(ModeVote.Outcome.CLOSED);
  }

  @Test
  void oneRejectionChoosesNoneWhenOneIsRequiredAndReopeningKeepsTheVote() throws Exception {
    ModeVote.Terms terms = new ModeVote.Terms(List.of("all", "none"), List.of("bob", "carol"), 2, 1);
    ModeVote.open(run, terms);
    vote("bob", "all");
    assertThat(vote("carol", "none").message()).endsWith("none chosen");
    assertThat(ModeVote.open(run, terms).chosen()).isEqualTo("none");
    assertThat(vote("bob", "all").outcome()).isEqualTo(ModeVote.Outcome.CLOSED);
  }

  @Test
  void votesCastAtOnceAreAllCounted() throws Exception {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      voters.add("v" + i);
    }
    ModeVote.open(run, new ModeVote.Terms(List.of("all", "none"), voters, 41, 41));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ModeVote.Result>> results = new ArrayList<>();
      voters.forEach(voter -> results.add(pool.submit(() -> vote(voter, "all"))));
      for (Future<ModeVote.Result> result : results) {
        assertThat(result.get().outcome()).isEqualTo(ModeVote.Outcome.RECORDED);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ModeVote.read(run).orElseThrow().tally()).containsEntry("all", 40);
  }

  @Test
  void aVoteWithoutAnOpenVoteIsRefused() throws Exception {
    assertThat(vote("bob", "all").outcome()).isEqualTo(ModeVote.Outcome.NOT_OPEN);
  }

  private ModeVote.Result vote(String voter, String choice) throws Exception {
    return ModeVote.vote(run, voter, Membership.NONE, choice, "", Clock.systemUTC());
  }

  private static UnitRecord applied(String path) {
    PlanSummary plan = new PlanSummary(1, 0, 0, 0, List.of("create x.y"), new TreeSet<>(), List.of("x.y"),
        new TreeSet<>(), List.of(), "h".repeat(64));
    return new UnitRecord(path, UnitStatus.APPLIED, plan, null, null, null, null, plan.hash(), "h", null, 1, null,
        null, null);
  }
}
