package io.tglive.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GateRulesSettingsTest {

  private static final String FILE = ".tglive.yaml";

  @Test
  void theGateRulesAreReadFromTheAccount() throws Exception {
    Account prod = RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: live/prod
            voters: [alice, bob, carol]
            approvalsRequired: 1
            allowSelfApproval: true
            destroyApprovalsRequired: 3
            newProviderApprovalsRequired: 2
            gateTimeout: PT4H
        """).accounts().accounts().get(0);
    assertThat(prod.gate()).isEqualTo(new GateRules(true, 3, 2, "PT4H"));
    assertThat(prod.gate().timeoutDuration()).contains(Duration.ofHours(4));
  }

  @Test
  void withoutThemTheDefaultsApply() throws Exception {
    Account dev = RepoSettings.parse(FILE, "accounts:\n  - {name: dev, path: dev, voters: [alice]}\n")
        .accounts().accounts().get(0);
    assertThat(dev.gate()).isEqualTo(GateRules.DEFAULT);
  }

  @Test
  void aDestroyRequirementBelowTheApprovalsIsAnErrorAtItsAccount() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, """
        accounts:
          - name: dev
            path: dev
            voters: [alice]
          - name: prod
            path: prod
            voters: [alice, bob]
            approvalsRequired: 2
            destroyApprovalsRequired: 1
        """)).hasMessage(".tglive.yaml:5:5: account 'prod': destroyApprovalsRequired is 1 but approvalsRequired is 2:"
        + " it can only make the gate stricter");
  }

  @Test
  void aProviderRequirementNoVotersCouldMeetIsAnError() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: prod
            voters: [alice, bob]
            newProviderApprovalsRequired: 3
        """)).hasMessage(".tglive.yaml:2:5: account 'prod': newProviderApprovalsRequired is 3 but only 2 voters are"
        + " listed");
  }

  @Test
  void aTimeoutThatIsNotAnIsoDurationIsAnError() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: prod
            voters: [alice]
            gateTimeout: 4 hours
        """)).hasMessage(".tglive.yaml:2:5: account 'prod': gateTimeout '4 hours' must be a positive ISO-8601 duration"
        + " such as PT4H or P1D");
  }

  @Test
  void selfApprovalMustBeTrueOrFalseWhereItIsWritten() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: prod
            voters: [alice]
            allowSelfApproval: sometimes
        """)).hasMessage(".tglive.yaml:5:24: 'allowSelfApproval' must be true or false, not 'sometimes'");
  }
}
