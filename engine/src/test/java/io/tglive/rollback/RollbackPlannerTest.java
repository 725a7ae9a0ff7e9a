package io.tglive.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RollbackPlannerTest {

  private final List<RunUnit> units = new ArrayList<>();
  private final Map<String, UnitRecord> records = new HashMap<>();
  private final Set<String> added = new TreeSet<>();
  private final Map<String, NewProviders> providers = new HashMap<>();

  private final UnitFacts facts = new UnitFacts() {
    @Override
    public boolean existsAtBase(String unit) {
      return !added.contains(unit);
    }

    @Override
    public NewProviders newProviders(String unit) {
      return providers.getOrDefault(unit, NewProviders.NONE);
    }
  };

  @Test
  void allReappliesEveryAppliedUnitAtBaseDependenciesFirstSoEachPlanSeesBaseOutputs() throws Exception {
    unit("vpc", UnitStatus.APPLIED);
    unit("db", UnitStatus.APPLIED, "vpc");
    unit("app", UnitStatus.APPLIED, "db");
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("vpc", "db", "app");
    assertThat(plan.steps()).allMatch(step -> step.action() == RollbackAction.REAPPLY_BASE);
    assertThat(plan.steps().get(1).after()).containsExactly("vpc");
    assertThat(plan.steps().get(2).after()).containsExactly("db");
  }

  @Test
  void aFailureMidChainRollsBackTheFailedApplyAndWhatCameBeforeItButNotWhatItBlocked() throws Exception {
    unit("vpc", UnitStatus.APPLIED);
    records.put("db", record("db", UnitStatus.FAILED, 0, true)); // apply started, then failed part-way
    unit("db-child", UnitStatus.BLOCKED, "db");
    unit("db", null, "vpc");
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("vpc", "db");
    assertThat(plan.steps().get(1).why()).isEqualTo("changed by the run (failed)");
  }

  @Test
  void unitsWhoseApplyNeverStartedAreNotRolledBack() throws Exception {
    unit("rejected", UnitStatus.REJECTED);
    unit("unchanged", UnitStatus.NO_CHANGES);
    unit("blocked", UnitStatus.BLOCKED, "rejected");
    unit("planned-failed", UnitStatus.FAILED);
    unit("cancelled", UnitStatus.CANCELLED);
    assertThat(plan(RollbackMode.ALL).isEmpty()).isTrue();
  }

  @Test
  void aRejectedLeafLeavesItsAppliedDependenciesToRollBack() throws Exception {
    unit("net", UnitStatus.APPLIED);
    unit("app", UnitStatus.REJECTED, "net");
    assertThat(ids(plan(RollbackMode.ALL))).containsExactly("net");
  }

  @Test
  void aUnitTheChangeAddedIsDestroyedWithItsHeadConfiguration() throws Exception {
    unit("net", UnitStatus.APPLIED);
    unit("new", UnitStatus.APPLIED, "net");
    added.add("new");
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("new", "net");
    assertThat(plan.steps().get(0).action()).isEqualTo(RollbackAction.DESTROY_ADDED);
    assertThat(plan.steps().get(0).action().destroy()).isTrue();
    assertThat(plan.steps().get(1).action()).isEqualTo(RollbackAction.REAPPLY_BASE);
  }

  @Test
  void aModifiedUnitMovesOffAnAddedUnitBeforeTheAddedUnitIsDestroyed() throws Exception {
    unit("new", UnitStatus.APPLIED);
    unit("app", UnitStatus.APPLIED, "new"); // app uses the added unit at head, not at base
    added.add("new");
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("app", "new");
    assertThat(plan.steps().get(1).after()).containsExactly("app");
  }

  @Test
  void theWorkedExampleOfTheDocsBreaksTheMoveOffRuleWhereItWouldMakeACycle() throws Exception {
    // docs/rollback.md: vpc gains a provider, cache is new, db changes, app moves from old to cache and fails
    unit("dev/vpc", UnitStatus.APPLIED);
    unit("dev/cache", UnitStatus.APPLIED, "dev/vpc");
    unit("dev/db", UnitStatus.APPLIED, "dev/vpc");
    records.put("dev/app", record("dev/app", UnitStatus.FAILED, 0, true));
    unit("dev/app", null, "dev/cache", "dev/db");
    destroyed("dev/old", UnitStatus.BLOCKED, "dev/app");
    units.add(new RunUnit("prod/app", false, "prod", List.of("dev/vpc", "dev/cache", "dev/db", "dev/app"), 0,
        List.of("bob"), 1, 1));
    records.put("prod/app", record("prod/app", UnitStatus.BLOCKED, 0, false));
    added.add("dev/cache");
    providers.put("dev/vpc", new NewProviders(new TreeSet<>(Set.of("registry.opentofu.org/hashicorp/random")),
        List.of("random_id.suffix"), "lock file"));
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("dev/cache", "dev/vpc#new-providers", "dev/vpc", "dev/db", "dev/app");
    assertThat(plan.steps().get(0).after()).as("app cannot move off cache first: its base needs vpc at base")
        .isEmpty();
    assertThat(plan.lines()).containsExactly(
        "rollback of run run-1 (mode all): 5 step(s)",
        "  1. destroy (added by the change): dev/cache — changed by the run (applied)",
        "  2. destroy resources of new providers: dev/vpc (-target random_id.suffix) after dev/cache — changed by"
            + " the run (applied); its base configuration cannot plan resources of registry.opentofu.org/hashicorp/random",
        "  3. apply base: dev/vpc [new providers: registry.opentofu.org/hashicorp/random] after dev/cache,"
            + " dev/vpc#new-providers — changed by the run (applied)",
        "  4. apply base: dev/db after dev/vpc — changed by the run (applied)",
        "  5. apply base: dev/app after dev/db — changed by the run (failed)");
  }

  @Test
  void anAddedUnitOnAnAddedUnitIsDestroyedFirst() throws Exception {
    unit("new", UnitStatus.APPLIED);
    unit("newer", UnitStatus.APPLIED, "new");
    added.add("new");
    added.add("newer");
    assertThat(ids(plan(RollbackMode.ALL))).containsExactly("newer", "new");
  }

  @Test
  void aDeletedUnitTheRunDestroyedIsRecreatedBeforeItsFormerDependentGoesBackToBase() throws Exception {
    unit("app", UnitStatus.APPLIED); // no longer reads old at head
    destroyed("old", UnitStatus.APPLIED, "app"); // destroyed after app stopped using it
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("old", "app");
    assertThat(plan.steps().get(0).action()).isEqualTo(RollbackAction.RESTORE_DELETED);
    assertThat(plan.steps().get(0).action().destroy()).isFalse();
    assertThat(plan.steps().get(1).after()).containsExactly("old");
  }

  @Test
  void resourcesOfNewProvidersAreDestroyedByFullAddressBeforeTheBaseIsAppliedAgain() throws Exception {
    unit("net", UnitStatus.APPLIED);
    unit("app", UnitStatus.APPLIED, "net");
    providers.put("net", new NewProviders(new TreeSet<>(Set.of("registry.opentofu.org/hashicorp/random")),
        List.of("random_pet.name[0]", "module.db[\"a\"].random_id.x"), "lock file"));
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("net#new-providers", "net", "app");
    RollbackStep targeted = plan.steps().get(0);
    assertThat(targeted.unit()).isEqualTo("net");
    assertThat(targeted.action()).isEqualTo(RollbackAction.DESTROY_NEW_PROVIDERS);
    assertThat(targeted.action().destroy()).isTrue();
    assertThat(targeted.targets()).containsExactly("random_pet.name[0]", "module.db[\"a\"].random_id.x");
    assertThat(plan.steps().get(1).after()).containsExactly("net#new-providers");
    assertThat(plan.steps().get(1).providers()).containsExactly("registry.opentofu.org/hashicorp/random");
    assertThat(plan.steps().get(2).after()).containsExactly("net");
  }

  @Test
  void aNewProviderWithoutResourcesInTheStateNeedsNoTargetedDestroy() throws Exception {
    unit("net", UnitStatus.APPLIED);
    providers.put("net", new NewProviders(new TreeSet<>(Set.of("registry.opentofu.org/hashicorp/random")),
        List.of(), "providers"));
    assertThat(ids(plan(RollbackMode.ALL))).containsExactly("net");
  }

  @Test
  void aTargetedDestroyInTheHeadTreeComesBeforeItsDependenciesGoBackToBase() throws Exception {
    unit("net", UnitStatus.APPLIED);
    unit("app", UnitStatus.APPLIED, "net");
    unit("top", UnitStatus.APPLIED, "app");
    providers.put("app", new NewProviders(new TreeSet<>(Set.of("p")), List.of("x.y"), "lock file"));
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("app#new-providers", "net", "app", "top");
    assertThat(plan.steps().get(1).after()).containsExactly("app#new-providers");
    assertThat(plan.steps().get(2).after()).containsExactly("app#new-providers", "net");
  }

  @Test
  void selectiveRollsBackEveryChangedUnitThatWaitedForASelectedOne() throws Exception {
    unit("vpc", UnitStatus.APPLIED);
    unit("db", UnitStatus.APPLIED, "vpc");
    unit("app", UnitStatus.APPLIED, "db");
    unit("other", UnitStatus.APPLIED);
    RollbackPlan plan = plan(RollbackMode.SELECTIVE, "vpc");
    assertThat(ids(plan)).containsExactly("vpc", "db", "app");
    assertThat(why(plan, "db")).isEqualTo("rolls back with vpc: it was applied after vpc, against its new version");
    assertThat(why(plan, "app")).isEqualTo("rolls back with db: it was applied after db, against its new version");
    assertThat(why(plan, "vpc")).isEqualTo("selected");
    assertThat(plan.selected()).containsExactly("vpc");
  }

  @Test
  void selectiveOfADependentLeavesItsDependenciesAsTheyAre() throws Exception {
    unit("vpc", UnitStatus.APPLIED);
    unit("app", UnitStatus.APPLIED, "vpc");
    assertThat(ids(plan(RollbackMode.SELECTIVE, "app"))).containsExactly("app");
  }

  @Test
  void theClosureStopsAtAUnitTheRunDidNotChange() throws Exception {
    unit("vpc", UnitStatus.APPLIED);
    unit("db", UnitStatus.NO_CHANGES, "vpc"); // its outputs did not change either
    unit("app", UnitStatus.APPLIED, "db");
    assertThat(ids(plan(RollbackMode.SELECTIVE, "vpc"))).containsExactly("vpc");
  }

  @Test
  void selectiveOfAUnitWhoseBaseVersionNeedsADestroyedUnitRecreatesIt() throws Exception {
    unit("app", UnitStatus.APPLIED);
    destroyed("old", UnitStatus.APPLIED, "app");
    unit("other", UnitStatus.APPLIED);
    RollbackPlan plan = plan(RollbackMode.SELECTIVE, "app");
    assertThat(ids(plan)).containsExactly("old", "app");
    assertThat(why(plan, "old")).isEqualTo("rolls back with app: the base version of app needs it");
  }

  @Test
  void theOrderGoesThroughUnitsThatDoNotRollBack() throws Exception {
    unit("vpc", UnitStatus.APPLIED);
    unit("db", UnitStatus.NO_CHANGES, "vpc");
    unit("app", UnitStatus.APPLIED, "db");
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("vpc", "app");
    assertThat(plan.steps().get(1).after()).containsExactly("vpc");
  }

  @Test
  void aLaterAccountGoesBackToBaseAfterTheAccountItWaitedFor() throws Exception {
    units.add(new RunUnit("dev/app", false, "dev", List.of(), 1, List.of("alice"), 1, 1));
    units.add(new RunUnit("prod/app", false, "prod", List.of("dev/app"), 0, List.of("bob", "carol"), 2, 1));
    records.put("dev/app", record("dev/app", UnitStatus.APPLIED, 1, false));
    records.put("prod/app", record("prod/app", UnitStatus.APPLIED, 1, false));
    RollbackPlan plan = plan(RollbackMode.ALL);
    assertThat(ids(plan)).containsExactly("dev/app", "prod/app");
    assertThat(plan.steps().get(1).account()).isEqualTo("prod");
    assertThat(plan.steps().get(1).policy()).isEqualTo(new ApprovalPolicy(List.of("bob", "carol"), 2, 1));
  }

  @Test
  void thePolicyForRollbacksMayNameOtherVoters() throws Exception {
    unit("net", UnitStatus.APPLIED);
    ApprovalPolicy oncall = new ApprovalPolicy(List.of("oncall"), 1, 1);
    RollbackPlan plan = RollbackPlanner.plan(header(), records, RollbackMode.ALL, List.of(), facts, unit -> oncall, 3);
    assertThat(plan.steps().get(0).policy()).isEqualTo(oncall);
  }

  @Test
  void noneRollsBackNothing() throws Exception {
    unit("net", UnitStatus.APPLIED);
    assertThat(plan(RollbackMode.NONE).steps()).isEmpty();
    assertThat(plan(RollbackMode.NONE).lines()).containsExactly("rollback of run run-1 (mode none): nothing to roll back");
  }

  @Test
  void selectiveRefusesUnknownUnchangedOrMissingUnitsAndOtherModesRefuseUnits() {
    unit("net", UnitStatus.APPLIED);
    unit("app", UnitStatus.NO_CHANGES, "net");
    assertThatThrownBy(() -> plan(RollbackMode.SELECTIVE, "nope"))
        .isInstanceOf(RollbackException.class).hasMessage("unit nope is not a unit of run run-1");
    assertThatThrownBy(() -> plan(RollbackMode.SELECTIVE, "app")).isInstanceOf(RollbackException.class)
        .hasMessage("unit app was not changed by run run-1 (no changes): nothing to roll back");
    assertThatThrownBy(() -> plan(RollbackMode.SELECTIVE)).isInstanceOf(RollbackException.class)
        .hasMessage("mode selective needs the units to roll back");
    assertThatThrownBy(() -> plan(RollbackMode.ALL, "net")).isInstanceOf(RollbackException.class)
        .hasMessage("mode all takes no units (units are for mode selective): net");
  }

  @Test
  void modesAreParsedByName() throws Exception {
    assertThat(RollbackMode.parse("Selective")).isEqualTo(RollbackMode.SELECTIVE);
    assertThatThrownBy(() -> RollbackMode.parse("some")).isInstanceOf(RollbackException.class)
        .hasMessage("unknown rollback mode 'some': use all, selective or none");
  }

  @Test
  void thePreviewRollsBackEveryUnitOfTheRunAsIfItWereApplied() throws Exception {
    unit("net", null);
    unit("new", null, "net");
    destroyed("old", null, "net");
    added.add("new");
    RollbackPlan preview = RollbackPlanner.preview(header(), facts, RunUnitPolicies::of);
    assertThat(ids(preview)).containsExactly("new", "old", "net");
    assertThat(preview.steps()).extracting(RollbackStep::action).containsExactly(RollbackAction.DESTROY_ADDED,
        RollbackAction.RESTORE_DELETED, RollbackAction.REAPPLY_BASE);
    assertThat(preview.lines().get(1)).isEqualTo("  1. destroy (added by the change): new — if the run applies it");
  }

  private void unit(String path, UnitStatus status, String... after) {
    units.add(new RunUnit(path, false, null, List.of(after), 0, List.of(), 0, 1));
    if (status != null) {
      records.put(path, record(path, status, status == UnitStatus.APPLIED ? 1 : 0, false));
    }
  }

  private void destroyed(String path, UnitStatus status, String... after) {
    units.add(new RunUnit(path, true, null, List.of(after), 0, List.of(), 0, 1));
    if (status != null) {
      records.put(path, record(path, status, status == UnitStatus.APPLIED ? 1 : 0, false));
    }
  }

  private static UnitRecord record(String path, UnitStatus status, int applies, boolean midApply) {
    PlanSummary plan = new PlanSummary(1, 0, 0, 0, List.of("create x.y"), new TreeSet<>(), List.of("x.y"),
        new TreeSet<>(), List.of(), "h".repeat(64));
    return new UnitRecord(path, status, plan, null, null, null, null, applies > 0 ? plan.hash() : null,
        applies > 0 ? "headsha" : null, midApply ? plan : null, applies, null, null, null);
  }

  private RunHeader header() {
    return new RunHeader("run-1", "/repo", "main", "basesha", "feature", "headsha", units);
  }

  private RollbackPlan plan(RollbackMode mode, String... selected) throws Exception {
    return RollbackPlanner.plan(header(), records, mode, List.of(selected), facts, RunUnitPolicies::of, 3);
  }

  private static List<String> ids(RollbackPlan plan) {
    return plan.steps().stream().map(RollbackStep::id).toList();
  }

  private static String why(RollbackPlan plan, String unit) {
    return plan.steps().stream().filter(s -> s.id().equals(unit)).findFirst().orElseThrow().why();
  }
}
