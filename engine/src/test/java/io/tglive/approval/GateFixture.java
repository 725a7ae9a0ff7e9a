package io.tglive.approval;

import io.tglive.policy.GateRules;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A run directory with an applied unit {@code app}, a destroyed unit {@code old} and a ledger over it. */
final class GateFixture {

  static final String RUN = "20261130-100000-abcdef0";
  static final ChangeInfo CHANGE = new ChangeInfo("PR #12", "c".repeat(40),
      GateTerms.authorIdentities("Dana Dev", "dana@example.com"));

  private GateFixture() {}

  static Path run(Path dir) throws IOException {
    List<RunUnit> units = List.of(
        new RunUnit("app", false, "prod", List.of(), 0, List.of("alice", "bob", "carol"), 2, 1),
        new RunUnit("old", true, "prod", List.of(), 0, List.of("alice", "bob", "carol"), 2, 1));
    RunLedger.create(dir, new RunHeader(RUN, "/repo", "main", "b".repeat(40), "feature", "c".repeat(40), units))
        .close();
    return dir;
  }

  static VoteLedger ledger(Path dir, Clock clock) throws IOException {
    return VoteLedger.of(dir, clock).orElseThrow();
  }

  static PlanSummary plan(String hash) {
    return plan(hash, Set.of());
  }

  static PlanSummary plan(String hash, Set<String> providersAdded) {
    return new PlanSummary(1, 0, 0, 0, List.of("create terraform_data.this"),
        new TreeSet<>(Set.of("terraform.io/builtin/terraform")), List.of("terraform_data.this"),
        new TreeSet<>(providersAdded), List.of(), hash);
  }

  static String hash(char c) {
    return String.valueOf(c).repeat(64);
  }

  static ApprovalPolicy policy(List<String> voters, int approvals, int rejections, GateRules rules) {
    return new ApprovalPolicy(voters, approvals, rejections, rules);
  }

  static GateTerms terms(List<String> voters, int approvals, int rejections) {
    return new GateTerms(voters, approvals, rejections, false, CHANGE.authors(), null, "");
  }

  static Clock fixed(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  static VoteRequest approve(String unit, String voter) {
    return new VoteRequest(unit, null, voter, Decision.APPROVE, "");
  }

  static VoteRequest reject(String unit, String voter, String comment) {
    return new VoteRequest(unit, null, voter, Decision.REJECT, comment);
  }
}
