package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TerragruntLiveConfigurationTest {

  @Test
  void accountsSurviveTheGlobalConfigurationForm(JenkinsRule r) throws Exception {
    AccountConfig dev = new AccountConfig("dev", "live/dev");
    dev.setVoters(List.of("alice", "group:platform"));
    dev.setApprovalsRequired(2);
    dev.setRegion("eu-west-1");
    AccountConfig prod = new AccountConfig("prod", "live/prod");
    prod.setVoters(List.of("bob"));
    prod.setDependencies(List.of("dev"));
    TerragruntLiveConfiguration.get().setAccounts(List.of(dev, prod));

    r.configRoundtrip();

    assertThat(TerragruntLiveConfiguration.get().getAccounts())
        .extracting(AccountConfig::toAccount)
        .containsExactly(dev.toAccount(), prod.toAccount());
  }

  @Test
  void accountsArePersisted(JenkinsRule r) {
    AccountConfig dev = new AccountConfig("dev", "live/dev");
    dev.setVoters(List.of("alice"));
    TerragruntLiveConfiguration.get().setAccounts(List.of(dev));

    TerragruntLiveConfiguration reloaded = new TerragruntLiveConfiguration();

    assertThat(reloaded.getAccounts()).extracting(AccountConfig::toAccount).containsExactly(dev.toAccount());
  }
}
