package io.tglive.run.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.terragrunt.PlanSummary;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PlanSummaryJournalTest {

  private static final String ALIAS = "provider[\"registry.opentofu.org/hashicorp/random\"].b";

  @Test
  void theProviderConfigurationsAddedSurviveTheJournal() throws Exception {
    PlanSummary plan = new PlanSummary(2, 0, 0, 0, List.of("create random_pet.b[0]", "create random_pet.b[1]"),
        new TreeSet<>(List.of("registry.opentofu.org/hashicorp/random")), List.of("random_pet.b[0]", "random_pet.b[1]"),
        new TreeSet<>(), new TreeSet<>(List.of(ALIAS)), List.of(), "h");
    PlanSummary read = RunJournal.MAPPER.readValue(RunJournal.MAPPER.writeValueAsString(plan), PlanSummary.class);
    assertThat(read).isEqualTo(plan);
    assertThat(read.providerConfigsAdded()).containsExactly(ALIAS);
  }

  @Test
  void aPlanRecordedBeforeProviderConfigurationsWereReadHasNone() throws Exception {
    String older = """
        {"create":1,"update":0,"delete":0,"replace":0,"changes":["create random_pet.b"],
         "providers":["registry.opentofu.org/hashicorp/random"],"resourcesAdded":["random_pet.b"],
         "providersAdded":[],"outputs":[],"hash":"h"}
        """;
    PlanSummary read = RunJournal.MAPPER.readValue(older, PlanSummary.class);
    assertThat(read.providerConfigsAdded()).isEmpty();
    assertThat(read.resourcesAdded()).containsExactly("random_pet.b");
  }
}
