package io.tglive.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TreeFactsTest {

  private static final String RANDOM = "registry.opentofu.org/hashicorp/random";

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
}
