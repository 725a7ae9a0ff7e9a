package io.tglive.run.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.terragrunt.PlanReader;
import io.tglive.run.terragrunt.PlanSummary;
import io.tglive.stack.ApprovalPolicy;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptGateTest {

  private final ApprovalPolicy policy = new ApprovalPolicy(List.of("alice"), 1, 1);
  private final StringWriter screen = new StringWriter();

  private GateDecision answer(String input) throws Exception {
    PlanSummary plan = PlanReader.read("{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\","
        + "\"provider_name\":\"p\",\"change\":{\"actions\":[\"create\"]}}]}");
    return new PromptGate(new BufferedReader(new StringReader(input)), new PrintWriter(screen, true), "alice", true)
        .decide("live/vpc", policy, plan);
  }

  @Test
  void yesApprovesWithTheReasonAfterIt() throws Exception {
    assertThat(answer("yes looks fine\n")).isEqualTo(GateDecision.approve("alice", "looks fine"));
    assertThat(screen.toString()).contains("approval needed: live/vpc (1 to create").contains("create a.b");
  }

  @Test
  void noRejectsAndAnythingElseAsksAgain() throws Exception {
    assertThat(answer("maybe\nn too risky\n")).isEqualTo(GateDecision.reject("alice", "too risky"));
    assertThat(screen.toString()).contains("Please answer yes or no.");
  }

  @Test
  void theEndOfInputRejects() throws Exception {
    assertThat(answer("").approved()).isFalse();
  }

  @Test
  void policiesWithoutApprovalsPassWithoutAsking() throws Exception {
    Gate asks = (unit, p, plan) -> {
      throw new AssertionError("asked");
    };
    PlanSummary plan = PlanReader.read("{\"format_version\":\"1.2\"}");
    assertThat(new PolicyGate(asks).decide("u", ApprovalPolicy.NONE, plan).who()).isEqualTo("no gate");
  }
}
