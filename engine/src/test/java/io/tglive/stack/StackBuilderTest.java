package io.tglive.stack;

import static io.tglive.testing.Units.graph;
import static io.tglive.testing.Units.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.change.Reason;
import io.tglive.change.Selection;
import io.tglive.graph.UnitGraph;
import io.tglive.policy.Account;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.RunnerSettings;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StackBuilderTest {

  private static Selection selection(List<String> applies, List<String> destroys) {
    TreeMap<String, SortedSet<Reason>> a = new TreeMap<>();
    applies.forEach(u -> a.put(u, new TreeSet<>(List.of(Reason.CHANGED))));
    TreeMap<String, SortedSet<Reason>> d = new TreeMap<>();
    destroys.forEach(u -> d.put(u, new TreeSet<>(List.of(Reason.DELETED))));
    return new Selection(a, d, new TreeSet<>(), new TreeSet<>());
  }

  @Test
  void appliesRunInDependencyOrderWithWavesAndCriticalPaths() throws Exception {
    UnitGraph head = graph(
        unit("vpc"), unit("db", List.of("vpc")), unit("app", List.of("db")), unit("dns"), unit("cdn", List.of("dns")));

    DeployStack stack = StackBuilder.build(
        selection(List.of("vpc", "db", "app", "dns", "cdn"), List.of()), head, head, AccountMapping.EMPTY);

    assertThat(stack.order()).containsExactly(List.of("dns", "vpc"), List.of("cdn", "db"), List.of("app"));
    StackUnit vpc = stack.units().get("vpc");
    assertThat(vpc.action()).isEqualTo(StackAction.APPLY);
    assertThat(vpc.wave()).isZero();
    assertThat(vpc.criticalPath()).isEqualTo(2);
    assertThat(vpc.dependents()).containsExactly("db");
    assertThat(stack.units().get("dns").criticalPath()).isEqualTo(1);
    assertThat(stack.units().get("app").dependencies()).containsExactly("db");
    assertThat(stack.units().get("app").criticalPath()).isZero();
  }

  @Test
  void dependenciesOutsideTheStackAreNotListedNorAwaited() throws Exception {
    UnitGraph head = graph(unit("vpc"), unit("db", List.of("vpc")));

    DeployStack stack = StackBuilder.build(selection(List.of("db"), List.of()), head, head, AccountMapping.EMPTY);

    assertThat(stack.units().get("db").dependencies()).isEmpty();
    assertThat(stack.order()).containsExactly(List.of("db"));
  }

  @Test
  void deletedUnitsAreDestroyedInReverseBaseOrderAfterTheirFormerDependentsAreApplied() throws Exception {
    UnitGraph base = graph(
        unit("vpc"), unit("old-db", List.of("vpc")), unit("old-cache", List.of("old-db")), unit("app", List.of("old-db")));
    UnitGraph head = graph(unit("vpc"), unit("app", List.of("vpc")));

    DeployStack stack = StackBuilder.build(
        selection(List.of("app"), List.of("old-db", "old-cache")), base, head, AccountMapping.EMPTY);

    assertThat(stack.order()).containsExactly(List.of("app", "old-cache"), List.of("old-db"));
    StackUnit oldDb = stack.units().get("old-db");
    assertThat(oldDb.action()).isEqualTo(StackAction.DESTROY);
    assertThat(oldDb.after()).containsExactly("app", "old-cache");
    assertThat(oldDb.dependents()).containsExactly("app", "old-cache");
    assertThat(oldDb.reasons()).containsExactly(Reason.DELETED);
  }

  @Test
  void unitOfAnAccountWaitsForEveryStackUnitOfTheAccountsItDependsOn() throws Exception {
    AccountMapping accounts = new AccountMapping(List.of(
        new Account("network", "network", List.of("alice"), 1, 1),
        new Account("shared", "shared", List.of(), 0, 1, List.of("network"), RunnerSettings.NONE),
        new Account("prod", "prod", List.of("bob", "group:ops"), 2, 1, List.of("shared"), RunnerSettings.NONE)));
    UnitGraph head = graph(unit("network/tgw"), unit("network/dns"), unit("prod/app"), unit("sandbox/x"));

    DeployStack stack = StackBuilder.build(
        selection(List.of("network/tgw", "network/dns", "prod/app", "sandbox/x"), List.of()), head, head, accounts);

    assertThat(stack.order()).containsExactly(List.of("network/dns", "network/tgw", "sandbox/x"), List.of("prod/app"));
    StackUnit app = stack.units().get("prod/app");
    assertThat(app.after()).containsExactly("network/dns", "network/tgw");
    assertThat(app.dependencies()).isEmpty();
    assertThat(app.account()).isEqualTo("prod");
    assertThat(app.policy()).isEqualTo(new ApprovalPolicy(List.of("bob", "group:ops"), 2, 1));
    assertThat(stack.units().get("network/tgw").criticalPath()).isEqualTo(1);
    StackUnit sandbox = stack.units().get("sandbox/x");
    assertThat(sandbox.account()).isNull();
    assertThat(sandbox.policy()).isEqualTo(ApprovalPolicy.NONE);
  }

  @Test
  void destroyOfAnAccountWaitsForTheAppliesOfTheAccountsItDependsOn() throws Exception {
    AccountMapping accounts = new AccountMapping(List.of(
        new Account("dev", "dev", List.of("alice"), 1, 1),
        new Account("prod", "prod", List.of("bob"), 1, 1, List.of("dev"), RunnerSettings.NONE)));
    UnitGraph base = graph(unit("dev/vpc"), unit("prod/dns"));
    UnitGraph head = graph(unit("dev/vpc"));

    DeployStack stack = StackBuilder.build(selection(List.of("dev/vpc"), List.of("prod/dns")), base, head, accounts);

    assertThat(stack.order()).containsExactly(List.of("dev/vpc"), List.of("prod/dns"));
    assertThat(stack.units().get("prod/dns").after()).containsExactly("dev/vpc");
  }

  @Test
  void deletedUnitStillDependedOnAtHeadIsAnErrorNamingBoth() {
    UnitGraph base = graph(unit("vpc"), unit("app", List.of("vpc")));
    UnitGraph head = graph(unit("app", List.of("vpc")));

    assertThatThrownBy(() -> StackBuilder.build(selection(List.of(), List.of("vpc")), base, head, AccountMapping.EMPTY))
        .isInstanceOf(StackException.class)
        .hasMessage("deleted unit vpc is still a dependency of app (app/terragrunt.hcl:1)");
  }

  @Test
  void accountOrderContradictingUnitDependenciesIsAnErrorExplainingTheCycle() {
    AccountMapping accounts = new AccountMapping(List.of(
        new Account("a", "a", List.of(), 0, 1, List.of("b"), RunnerSettings.NONE),
        new Account("b", "b", List.of(), 0, 1)));
    UnitGraph head = graph(unit("a/x"), unit("b/y", List.of("a/x")));

    assertThatThrownBy(() -> StackBuilder.build(selection(List.of("a/x", "b/y"), List.of()), head, head, accounts))
        .isInstanceOf(StackException.class)
        .hasMessage("""
            the stack cannot be ordered: a/x waits for b/y waits for a/x
              a/x waits for b/y: account a depends on account b
              b/y waits for a/x: it depends on it""");
  }
}
