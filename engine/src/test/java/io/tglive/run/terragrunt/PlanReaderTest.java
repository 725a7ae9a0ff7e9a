package io.tglive.run.terragrunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

  private static final String PLAN = """
      {"format_version":"1.2","timestamp":"%s",
       "prior_state":{"values":{"root_module":{"resources":[
         {"address":"null_resource.old","provider_name":"registry.opentofu.org/hashicorp/null"}]}}},
       "resource_changes":[
        {"address":"terraform_data.b","provider_name":"terraform.io/builtin/terraform",
         "change":{"actions":["create"],"after":{"input":"x"}}},
        {"address":"null_resource.old","provider_name":"registry.opentofu.org/hashicorp/null",
         "change":{"actions":["delete","create"]}},
        {"address":"random_pet.p","provider_name":"registry.opentofu.org/hashicorp/random",
         "change":{"actions":["update"]}},
        {"address":"terraform_data.gone","provider_name":"terraform.io/builtin/terraform",
         "change":{"actions":["delete"]}},
        {"address":"terraform_data.same","provider_name":"terraform.io/builtin/terraform",
         "change":{"actions":["no-op"]}}],
       "output_changes":{"v":{"actions":["update"]},"w":{"actions":["no-op"]}}}
      """;

  @Test
  void countsEachKindOfChangeAndNamesFullProviderAddresses() throws Exception {
    PlanSummary summary = PlanReader.read(PLAN.formatted("2026-01-01T00:00:00Z"));
    assertThat(summary.counts()).isEqualTo("1 to create, 1 to update, 1 to delete, 1 to replace, 1 output(s) changed");
    assertThat(summary.changes()).containsExactly(
        "replace null_resource.old", "update random_pet.p", "create terraform_data.b", "delete terraform_data.gone");
    assertThat(summary.providers()).containsExactly("registry.opentofu.org/hashicorp/null",
        "registry.opentofu.org/hashicorp/random", "terraform.io/builtin/terraform");
    assertThat(summary.resourcesAdded()).containsExactly("terraform_data.b");
    assertThat(summary.providersAdded()).containsExactly("terraform.io/builtin/terraform");
    assertThat(summary.outputs()).containsExactly("v");
    assertThat(summary.hasChanges()).isTrue();
  }

  @Test
  void aNewAliasOfAProviderThePriorStateUsedIsANewConfigurationThoughNotANewProvider() throws Exception {
    // real OpenTofu 1.12.6 output: random_pet.a (default random) existed; the change adds
    // provider "random" { alias = "b" }, random_pet.b[0..1] under it, and module.m given random.b as
    // random.c (random_id.m) beside a random_pet.plain that inherits the default random
    PlanSummary summary = PlanReader.read(realPlan("new-alias.json"));
    assertThat(summary.resourcesAdded()).containsExactlyInAnyOrder("random_pet.b[0]", "random_pet.b[1]",
        "module.m.random_id.m", "module.m.random_pet.plain");
    assertThat(summary.providersAdded()).isEmpty();
    assertThat(summary.providerConfigsAdded())
        .containsExactly("provider[\"registry.opentofu.org/hashicorp/random\"].b");
  }

  @Test
  void providerConfigurationsDeclaredInAModuleAreNamedByTheModuleAndOnesThePriorStateUsedAreNot()
      throws Exception {
    // real OpenTofu 1.12.6 output, after the plan above was applied: module.own declares random and
    // random.z (random_pet.o and module.own.module.inner under z, module.own.module.inner2 under its
    // default); module.fe["x"] is created under random.b, which random_pet.b already used
    PlanSummary summary = PlanReader.read(realPlan("module-providers.json"));
    assertThat(summary.resourcesAdded()).containsExactlyInAnyOrder("module.fe[\"x\"].random_id.i", "module.own.random_pet.o",
        "module.own.module.inner.random_id.i", "module.own.module.inner2.random_id.i");
    assertThat(summary.providersAdded()).isEmpty();
    assertThat(summary.providerConfigsAdded()).containsExactly(
        "module.own.provider[\"registry.opentofu.org/hashicorp/random\"]",
        "module.own.provider[\"registry.opentofu.org/hashicorp/random\"].z");
  }

  @Test
  void aPlanWithoutConfigurationNamesNoProviderConfiguration() throws Exception {
    assertThat(PlanReader.read(PLAN.formatted("t")).providerConfigsAdded()).isEmpty();
  }

  private static String realPlan(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(PlanReaderTest.class.getResourceAsStream("/plans/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theHashIgnoresTimestampKeyOrderAndNoOps() throws Exception {
    String reordered = PLAN.formatted("2027-05-05T00:00:00Z")
        .replace("\"provider_name\":\"terraform.io/builtin/terraform\",\n         \"change\":{\"actions\":[\"create\"],"
            + "\"after\":{\"input\":\"x\"}}",
            "\"change\":{\"after\":{\"input\":\"x\"},\"actions\":[\"create\"]},\"provider_name\":\"terraform.io/builtin/terraform\"")
        .replace("\"change\":{\"actions\":[\"no-op\"]}", "\"change\":{\"actions\":[\"no-op\"],\"before\":{\"a\":1}}");
    assertThat(reordered).isNotEqualTo(PLAN.formatted("2027-05-05T00:00:00Z"));
    assertThat(PlanReader.read(reordered).hash()).isEqualTo(PlanReader.read(PLAN.formatted("x")).hash());
  }

  @Test
  void theHashChangesWhenAPlannedValueChanges() throws Exception {
    String other = PLAN.formatted("t").replace("\"input\":\"x\"", "\"input\":\"y\"");
    assertThat(PlanReader.read(other).hash()).isNotEqualTo(PlanReader.read(PLAN.formatted("t")).hash());
  }

  @Test
  void aPlanWithoutChangesHasNone() throws Exception {
    PlanSummary summary = PlanReader.read("{\"format_version\":\"1.2\",\"resource_changes\":[]}");
    assertThat(summary.hasChanges()).isFalse();
    assertThat(summary.hash()).hasSize(64);
  }

  @Test
  void somethingElseThanAPlanIsAnError() {
    assertThatThrownBy(() -> PlanReader.read("time=... level=error msg=boom"))
        .isInstanceOf(PlanFormatException.class).hasMessageContaining("did not print JSON");
    assertThatThrownBy(() -> PlanReader.read("{\"x\":1}"))
        .isInstanceOf(PlanFormatException.class).hasMessageContaining("no format_version");
  }
}
