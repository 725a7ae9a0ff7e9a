package io.tglive.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import io.tglive.run.terragrunt.PlanSummary;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TreeFactsTest {

  private static final String RANDOM = "registry.opentofu.org/hashicorp/random";
  private static final String ALIAS_B = "provider[\"registry.opentofu.org/hashicorp/random\"].b";
  private static final String LOCK = """
      provider "registry.opentofu.org/hashicorp/random" {
        version = "3.9.0"
      }
      """;
  /** A state pull after the change: random_pet.a under the default random, the rest under the new alias b. */
  private static final String ALIAS_STATE = """
      {"version":4,"serial":3,"lineage":"l","outputs":{},"resources":[
       {"mode":"managed","type":"random_pet","name":"a","provider":"provider[\\"registry.opentofu.org/hashicorp/random\\"]",
        "instances":[{"attributes":{}}]},
       {"mode":"managed","type":"random_pet","name":"b","provider":"provider[\\"registry.opentofu.org/hashicorp/random\\"].b",
        "instances":[{"index_key":0,"attributes":{}},{"index_key":1,"attributes":{}}]},
       {"module":"module.m","mode":"managed","type":"random_id","name":"m",
        "provider":"provider[\\"registry.opentofu.org/hashicorp/random\\"].b","instances":[{"attributes":{}}]},
       {"module":"module.m","mode":"managed","type":"random_pet","name":"plain",
        "provider":"provider[\\"registry.opentofu.org/hashicorp/random\\"]","instances":[{"attributes":{}}]},
       {"module":"module.own","mode":"managed","type":"random_pet","name":"o",
        "provider":"module.own.provider[\\"registry.opentofu.org/hashicorp/random\\"].b","instances":[{"attributes":{}}]}]}
      """;

  @Test
  void theProvidersOfALockFileAreItsProviderBlocks() {
    String lock = """
        # This file is maintained automatically by "tofu init".
        provider "registry.opentofu.org/hashicorp/random" {
          version = "3.9.0"
          hashes = ["h1:abc"]
        }
        provider "registry.opentofu.org/hashicorp/aws" {
          version = "6.0.0"
        }
        """;
    assertThat(TreeFacts.locked(lock)).containsExactly("registry.opentofu.org/hashicorp/aws", RANDOM);
  }

  @Test
  void resourcesAreAddressedInFullWithModulePathAndIndexAndOnlyForTheNewProviders() throws IOException {
    String state = """
        {"version":4,"serial":1,"lineage":"l","outputs":{},"resources":[
         {"mode":"managed","type":"random_pet","name":"x","provider":"provider[\\"registry.opentofu.org/hashicorp/random\\"].extra",
          "instances":[{"index_key":0,"attributes":{}},{"index_key":1,"attributes":{}}]},
         {"module":"module.db[\\"a b\\"]","mode":"managed","type":"random_id","name":"y",
          "provider":"module.db[\\"a b\\"].provider[\\"registry.opentofu.org/hashicorp/random\\"]",
          "instances":[{"index_key":"k\\"1","attributes":{}}]},
         {"mode":"managed","type":"random_string","name":"single","provider":"provider[\\"registry.opentofu.org/hashicorp/random\\"]",
          "instances":[{"attributes":{}}]},
         {"mode":"data","type":"random_thing","name":"d","provider":"provider[\\"registry.opentofu.org/hashicorp/random\\"]",
          "instances":[{"attributes":{}}]},
         {"mode":"managed","type":"terraform_data","name":"t","provider":"provider[\\"terraform.io/builtin/terraform\\"]",
          "instances":[{"attributes":{}}]}]}
        """;
    assertThat(TreeFacts.resources(state, Set.of(RANDOM))).containsExactly("random_pet.x[0]", "random_pet.x[1]",
        "module.db[\"a b\"].random_id.y[\"k\\\"1\"]", "random_string.single");
  }

  @Test
  void anEmptyStatePullHasNoResourcesAndSomethingElseIsAnError() throws IOException {
    assertThat(TreeFacts.resources("", Set.of(RANDOM))).isEmpty();
    assertThatThrownBy(() -> TreeFacts.resources("{\"x\":1}", Set.of(RANDOM))).isInstanceOf(IOException.class)
        .hasMessage("state pull did not print a state");
  }

  @Test
  void aProviderConfigurationSelectsOnlyTheResourcesItConfiguresWhereverTheyAre() throws IOException {
    assertThat(TreeFacts.resources(ALIAS_STATE, Set.of(ALIAS_B)))
        .containsExactly("random_pet.b[0]", "random_pet.b[1]", "module.m.random_id.m");
    assertThat(TreeFacts.resources(ALIAS_STATE, Set.of("module.own." + ALIAS_B))).containsExactly("module.own.random_pet.o");
  }

  @Test
  void aNewAliasOfAProviderBothLockFilesHaveIsFoundFromTheAppliedPlan() throws Exception {
    NewProviders found = facts(LOCK, LOCK, applied(Set.of(), Set.of(ALIAS_B))).newProviders("live/app");
    assertThat(found.providers()).containsExactly(ALIAS_B);
    assertThat(found.resources()).containsExactly("random_pet.b[0]", "random_pet.b[1]", "module.m.random_id.m");
    assertThat(found.source()).isEqualTo("lock file and run state");
  }

  @Test
  void aNewAliasIsFoundFromTheAppliedPlanWithoutLockFilesToo() throws Exception {
    NewProviders found = facts(null, null, applied(Set.of(), Set.of(ALIAS_B))).newProviders("live/app");
    assertThat(found.providers()).containsExactly(ALIAS_B);
    assertThat(found.resources()).containsExactly("random_pet.b[0]", "random_pet.b[1]", "module.m.random_id.m");
    assertThat(found.source()).isEqualTo("run state");
  }

  @Test
  void aConfigurationOfAProviderThatIsNewItselfIsNotNamedTwice() throws Exception {
    NewProviders found = facts(null, LOCK, applied(Set.of(RANDOM), Set.of(ALIAS_B))).newProviders("live/app");
    assertThat(found.providers()).containsExactly(RANDOM);
    assertThat(found.resources()).containsExactly("random_pet.a", "random_pet.b[0]", "random_pet.b[1]",
        "module.m.random_id.m", "module.m.random_pet.plain", "module.own.random_pet.o");
  }

  @Test
  void aUnitWhosePlanAddedNoConfigurationHasNoNewProvider() throws Exception {
    NewProviders found = facts(LOCK, LOCK, applied(Set.of(), Set.of())).newProviders("live/app");
    assertThat(found.providers()).isEmpty();
    assertThat(found.resources()).isEmpty();
  }

  private static TreeFacts facts(String baseLock, String headLock, PlanSummary plan) {
    CommitFiles files = (commit, path) -> path.equals("live/app/.terraform.lock.hcl")
        ? (commit.equals("base") ? baseLock : headLock) : null;
    UnitRecord record = new UnitRecord("live/app", UnitStatus.APPLIED, plan, "d", plan.hash(), "alice", null,
        plan.hash(), "head", null, 1, null, null, null);
    return new TreeFacts(files, "base", "head", Map.of("live/app", record),
        unit -> unit.equals("live/app") ? ALIAS_STATE : "");
  }

  private static PlanSummary applied(Set<String> providersAdded, Set<String> configurationsAdded) {
    return new PlanSummary(3, 0, 0, 0, List.of("create random_pet.b[0]", "create random_pet.b[1]",
        "create module.m.random_id.m"), new TreeSet<>(Set.of(RANDOM)),
        List.of("random_pet.b[0]", "random_pet.b[1]", "module.m.random_id.m"), new TreeSet<>(providersAdded),
        new TreeSet<>(configurationsAdded), List.of(), "h");
  }
}
