package io.jenkins.plugins.tglive;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toStringFromYamlFile;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.tglive.policy.Account;
import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
import io.tglive.policy.RunnerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

  @Test
  @ConfiguredWithCode("configuration-as-code.yml")
  void accountsAreConfiguredFromYaml(JenkinsConfiguredWithCodeRule r) {
    TerragruntLiveConfiguration config = TerragruntLiveConfiguration.get();

    assertThat(config.toAccountMapping().accounts()).containsExactly(
        new Account("dev", "live/dev", List.of("alice", "group:platform"), 2, 1, List.of(),
            new RunnerSettings("arn:aws:iam::111111111111:role/plan", "arn:aws:iam::111111111111:role/apply",
                "tglive-dev", "eu-west-1")),
        new Account("prod", "live/prod", List.of("bob"), 1, 1, List.of("dev"), RunnerSettings.NONE,
            GateRules.DEFAULT.withRollback(new RollbackRules(List.of("oncall"), 1, 1))));
  }

  @Test
  void anInvalidMappingIsRefusedWithTheEnginesMessage(JenkinsConfiguredWithCodeRule r) {
    String yaml = getClass().getResource("configuration-as-code-invalid.yml").toExternalForm();

    assertThatThrownBy(() -> ConfigurationAsCode.get().configure(yaml))
        .hasStackTraceContaining("account 'prod': approvalsRequired is 3 but only 1 voter is listed")
        .hasStackTraceContaining("account 'prod': depends on unknown account 'stage'");
    assertThat(TerragruntLiveConfiguration.get().getAccounts()).isEmpty();
  }

  @Test
  @ConfiguredWithCode("configuration-as-code-queue-permission.yml")
  void theQueuePagesPermissionIsConfiguredFromYaml(JenkinsConfiguredWithCodeRule r) {
    TerragruntLiveConfiguration config = TerragruntLiveConfiguration.get();

    assertThat(config.getQueuePermission()).isEqualTo("hudson.model.Item.Build");
    assertThat(config.queuePermission()).isSameAs(hudson.model.Item.BUILD);
  }

  @Test
  void anUnknownQueuePermissionIsRefused(JenkinsConfiguredWithCodeRule r) {
    String yaml = getClass().getResource("configuration-as-code-queue-permission-invalid.yml").toExternalForm();

    assertThatThrownBy(() -> ConfigurationAsCode.get().configure(yaml))
        .hasStackTraceContaining("unknown permission 'hudson.model.Item.Bild'");
    assertThat(TerragruntLiveConfiguration.get().getQueuePermission()).isNull();
  }

  @Test
  @ConfiguredWithCode("configuration-as-code.yml")
  void accountsAreExportedToYaml(JenkinsConfiguredWithCodeRule r) throws Exception {
    CNode node = getUnclassifiedRoot(new ConfigurationContext(ConfiguratorRegistry.get())).get("terragruntLiveCi");

    assertThat(toYamlString(node)).isEqualTo(toStringFromYamlFile(this, "casc_expected_output.yml"));
  }
}
