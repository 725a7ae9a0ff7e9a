package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.policy.AccountMapping;
import io.tglive.policy.GateRules;
import io.tglive.policy.InvalidAccountsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountGateRulesTest {

  @Test
  void theApprovalRulesReachTheEngineAccount() {
    AccountConfig config = new AccountConfig("prod", "live/prod");
    config.setVoters(List.of("alice", "bob", "carol"));
    config.setAllowSelfApproval(true);
    config.setDestroyApprovalsRequired(3);
    config.setNewProviderApprovalsRequired(2);
    config.setGateTimeout(" PT4H ");

    assertThat(config.toAccount().gate()).isEqualTo(new GateRules(true, 3, 2, "PT4H"));
  }

  @Test
  void leftEmptyTheyAreTheDefaults() {
    assertThat(new AccountConfig("prod", "live/prod").toAccount().gate()).isEqualTo(GateRules.DEFAULT);
  }

  @Test
  void aLaxerDestroyRuleIsRefusedByTheEngineRules() {
    AccountConfig config = new AccountConfig("prod", "live/prod");
    config.setVoters(List.of("alice", "bob"));
    config.setApprovalsRequired(2);
    config.setDestroyApprovalsRequired(1);

    assertThatThrownBy(() -> new AccountMapping(List.of(config.toAccount())))
        .isInstanceOf(InvalidAccountsException.class)
        .hasMessageContaining("account 'prod': destroyApprovalsRequired is 1 but approvalsRequired is 2");
  }
}
