package io.tglive.run.terragrunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
