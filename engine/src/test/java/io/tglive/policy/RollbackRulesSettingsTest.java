package io.tglive.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackRulesSettingsTest {

  private static final String FILE = ".tglive.yaml";

  @Test
  void theRollbackVotersAndCountsAreReadFromTheAccount() throws Exception {
    Account prod = RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: live/prod
            voters: [alice, bob, carol]
            approvalsRequired: 2
            rollbackVoters: [oncall, "group:sre"]
            rollbackApprovalsRequired: 1
            rollbackRejectionsRequired: 2
        """).accounts().accounts().get(0);
    assertThat(prod.gate().rollback()).isEqualTo(new RollbackRules(List.of("oncall", "group:sre"), 1, 2));
  }

  @Test
  void withoutThemRollbacksAreApprovedLikeTheAccountsOtherPlans() throws Exception {
    Account dev = RepoSettings.parse(FILE, "accounts:\n  - {name: dev, path: dev, voters: [alice]}\n")
        .accounts().accounts().get(0);
    assertThat(dev.gate().rollback()).isEqualTo(RollbackRules.SAME);
    assertThat(dev.gate().rollback().same()).isTrue();
  }

  @Test
  void aRollbackCountTheRollbackVotersCannotGiveIsAnErrorAtItsAccount() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, """
        accounts:
          - name: dev
            path: dev
            voters: [alice]
          - name: prod
            path: prod
            voters: [alice, bob, carol]
            rollbackVoters: [oncall]
            rollbackApprovalsRequired: 2
        """)).hasMessage(".tglive.yaml:5:5: account 'prod': rollbackApprovalsRequired is 2 but only 1 voter is listed");
  }

  @Test
  void rollbackVotersWithoutTheirOwnCountMustBeAbleToGiveTheAccountsCount() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: prod
            voters: [alice, bob]
            approvalsRequired: 2
            rollbackVoters: [oncall]
        """)).hasMessage(".tglive.yaml:2:5: account 'prod': approvalsRequired is 2 but only 1 voter is listed in"
        + " rollbackVoters (set rollbackApprovalsRequired)");
  }

  @Test
  void badRollbackValuesAreErrorsAtTheirAccount() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: prod
            voters: [alice, bob]
            rollbackVoters: [oncall, oncall]
            rollbackRejectionsRequired: 0
        """)).hasMessageContaining(".tglive.yaml:2:5: account 'prod': rollbackVoter 'oncall' is listed twice")
        .hasMessageContaining(".tglive.yaml:2:5: account 'prod': rollbackRejectionsRequired must be at least 1, not 0");
  }

  @Test
  void aRollbackCountThatIsNotAWholeNumberIsAnErrorWhereItIsWritten() {
    assertThatThrownBy(() -> RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: prod
            voters: [alice]
            rollbackApprovalsRequired: two
        """)).hasMessage(".tglive.yaml:5:32: 'rollbackApprovalsRequired' must be a whole number, not 'two'");
  }
}
