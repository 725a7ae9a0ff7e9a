package io.tglive.stack.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.policy.GateRules;
import io.tglive.policy.RollbackRules;
import io.tglive.stack.ApprovalPolicy;
import io.tglive.stack.DeployStack;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackSamples;
import io.tglive.stack.StackUnit;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StackJsonReaderTest {

  @Test
  void readsBackWhatTheRendererWrote() {
    StackResult result = StackSamples.result();

    assertThat(StackJsonReader.read(StackJsonRenderer.render(result))).isEqualTo(result);
  }

  @Test
  void theAccountsFinerRulesAndRollbackPolicyTravelWithTheStack() {
    StackResult sample = StackSamples.result();
    GateRules rules = new GateRules(true, 3, null, "PT4H", new RollbackRules(List.of("oncall"), 1, null));
    SortedMap<String, StackUnit> units = new TreeMap<>(sample.stack().units());
    StackUnit vpc = units.get("live/prod/vpc");
    units.put(vpc.path(), new StackUnit(vpc.path(), vpc.action(), vpc.reasons(), vpc.account(),
        new ApprovalPolicy(vpc.policy().voters(), 2, 1, rules), vpc.dependencies(), vpc.dependents(), vpc.after(),
        vpc.wave(), vpc.criticalPath()));
    StackResult result = new StackResult(sample.base(), sample.head(), sample.diff(),
        new DeployStack(units, sample.stack().order()), sample.unmapped(), sample.ignored(), sample.excluded(),
        sample.unresolved(), sample.warnings(), sample.missing());

    StackResult read = StackJsonReader.read(StackJsonRenderer.render(result));
    assertThat(read.stack().units().get("live/prod/vpc").policy().rules()).isEqualTo(rules);
    assertThat(read.stack().units().get("live/prod/app").policy().rules()).isEqualTo(GateRules.DEFAULT);
  }

  @Test
  void rejectsOtherDocuments() {
    assertThatThrownBy(() -> StackJsonReader.read("{\"units\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a stack JSON document: no 'order'");
    assertThatThrownBy(() -> StackJsonReader.read("{"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a stack JSON document: ");
  }
}
