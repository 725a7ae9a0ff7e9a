package io.tglive.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.policy.GateRules;
import io.tglive.stack.ApprovalPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateOverrideTest {

  private static final ApprovalPolicy ACCOUNT = new ApprovalPolicy(List.of("alice", "bob", "carol"), 1, 2,
      new GateRules(false, null, null, "PT4H"));

  @Test
  void aStricterOverrideReplacesTheAccountsValues() {
    ApprovalPolicy gate = new GateOverride(List.of("alice", "Bob"), 2, 1, "PT1H").apply(ACCOUNT, false);
    assertThat(gate).isEqualTo(new ApprovalPolicy(List.of("alice", "Bob"), 2, 1, new GateRules(false, null, null,
        "PT1H")));
  }

  @Test
  void noOverrideKeepsTheAccountsPolicy() {
    assertThat(GateOverride.NONE.apply(ACCOUNT, false)).isEqualTo(ACCOUNT);
  }

  @Test
  void aLaxerOverrideIsRefusedNamingEachRelaxation() {
    assertThatThrownBy(() -> new GateOverride(List.of("alice", "mallory"), 1, 3, "P1D").apply(
        new ApprovalPolicy(List.of("alice", "bob"), 2, 2, new GateRules(false, null, null, "PT4H")), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the gate's overrides may only make it stricter: voters mallory are not voters of the account;"
            + " approvals 1 is fewer than the account's 2; rejections 3 is more than the account's 2;"
            + " timeout P1D is longer than the account's PT4H");
  }

  @Test
  void theAdministratorMayAllowLaxerOverridesButNotInvalidOnes() {
    assertThat(new GateOverride(List.of("mallory"), 1, 1, null).apply(ACCOUNT, true).voters())
        .containsExactly("mallory");
    assertThatThrownBy(() -> new GateOverride(null, 0, null, "soon").apply(ACCOUNT, true))
        .hasMessage("the gate's overrides are invalid: approvals must be at least 1, not 0; timeout 'soon' must be a"
            + " positive ISO-8601 duration such as PT4H");
  }
}
