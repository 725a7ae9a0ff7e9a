package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import hudson.model.Run;
import io.tglive.change.DiffMode;
import io.tglive.stack.CiStackRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerragruntStackActionTest {

  @TempDir Path dir;

  @Test
  void showsTheStoredStackAsTextAndUnits() throws Exception {
    TerragruntStackCallable.Outcome outcome;
    try (LiveRepoFixture repo = new LiveRepoFixture(dir)) {
      outcome = new TerragruntStackCallable(new CiStackRequest("main", null, null, Map.of(), DiffMode.MERGE_BASE, true,
          false, null, false, null)).invoke(dir.toFile(), null);
    }

    TerragruntStackAction action = new TerragruntStackAction(".", outcome.base(), outcome.head(), outcome.json());

    assertThat(action.getText()).isEqualTo(outcome.text());
    assertThat(action.getUnits()).extracting(unit -> unit.get("path")).containsExactly("live/vpc", "live/app");
  }

  @Test
  void isTheRunsTerragruntStackPage() {
    TerragruntStackAction action = new TerragruntStackAction(".", "b", "h", "{}");
    Run<?, ?> run = mock(Run.class);

    action.onAttached(run);

    assertThat(action.getUrlName()).isEqualTo("terragrunt-stack");
    assertThat(action.getDisplayName()).isEqualTo("Terragrunt stack");
    assertThat(action.getIconFileName()).isEqualTo("symbol-list");
    assertThat(action.getRun()).isSameAs(run);
  }

  @Test
  void aStackOfAnotherDirectoryHasItsOwnPage() {
    TerragruntStackAction action = new TerragruntStackAction("infra/live", "b", "h", "{}");

    assertThat(action.getUrlName()).isEqualTo("terragrunt-stack-infra-live");
    assertThat(action.getDisplayName()).isEqualTo("Terragrunt stack (infra/live)");
  }
}
