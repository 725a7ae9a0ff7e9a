package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;

import hudson.util.FormValidation;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.InvalidAccountsException;
import io.tglive.policy.RollbackRules;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

class AccountRollbackRulesTest {

  @Test
  void theRollbackVotersAndCountsReachTheEngineAccount() {
    AccountConfig config = new AccountConfig("prod", "live/prod");
    config.setVoters(List.of("alice", "bob"));
    config.setRollbackVoters(List.of(" oncall ", "", "group:sre"));
    config.setRollbackApprovalsRequired(1);
    config.setRollbackRejectionsRequired(2);

    assertThat(config.toAccount().gate().rollback())
        .isEqualTo(new RollbackRules(List.of("oncall", "group:sre"), 1, 2));
    assertThat(config.getRollbackVotersText()).isEqualTo("oncall\ngroup:sre");
  }

  @Test
  void leftEmptyRollbacksAreApprovedLikeTheAccountsOtherPlans() {
    AccountConfig config = new AccountConfig("prod", "live/prod");
    config.setRollbackVoters(List.of());
    assertThat(config.toAccount().gate().rollback()).isEqualTo(RollbackRules.SAME);
  }

  @Test
  void aRollbackCountTheRollbackVotersCannotGiveIsRefusedByTheEngineRules() {
    AccountConfig config = new AccountConfig("prod", "live/prod");
    config.setVoters(List.of("alice", "bob"));
    config.setRollbackVoters(List.of("oncall"));
    config.setRollbackApprovalsRequired(2);

    assertThatThrownBy(() -> new AccountMapping(List.of(config.toAccount())))
        .isInstanceOf(InvalidAccountsException.class)
        .hasMessageContaining("account 'prod': rollbackApprovalsRequired is 2 but only 1 voter is listed");
  }

  @Test
  void theFormChecksTheRollbackCountAgainstTheRollbackVoters() {
    AccountConfig.DescriptorImpl descriptor = mock(AccountConfig.DescriptorImpl.class, CALLS_REAL_METHODS);
    try (MockedStatic<FormValidation> validation = mockStatic(FormValidation.class)) {
      descriptor.doCheckRollbackApprovalsRequired("2", "oncall", "alice\nbob", 1);
      descriptor.doCheckRollbackVoters("oncall\noncall");
      descriptor.doCheckRollbackApprovalsRequired("1", "oncall", "alice\nbob", 1);

      validation.verify(() -> FormValidation.error("rollbackApprovalsRequired is 2 but only 1 voter is listed"));
      validation.verify(() -> FormValidation.error("rollback voter 'oncall' is listed twice"));
      validation.verify(FormValidation::ok);
    }
  }
}
