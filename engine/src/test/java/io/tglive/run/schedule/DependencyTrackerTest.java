package io.tglive.run.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyTrackerTest {

  // a <- b <- d, a <- c, e alone
  private final DependencyTracker tracker = new DependencyTracker(Map.of(
      "a", Set.of(), "b", Set.of("a"), "c", Set.of("a"), "d", Set.of("b", "c"), "e", Set.of()));

  @Test
  void aUnitIsReadyTheMomentItsOwnDependenciesSucceed() {
    assertThat(tracker.takeReady()).containsExactlyInAnyOrder("a", "e");
    tracker.succeeded("a");
    assertThat(tracker.takeReady()).containsExactlyInAnyOrder("b", "c");
    tracker.succeeded("b");
    assertThat(tracker.takeReady()).isEmpty();
    tracker.succeeded("c");
    assertThat(tracker.takeReady()).containsExactly("d");
  }

  @Test
  void aFailureBlocksTransitiveDependentsOnly() {
    tracker.takeReady();
    assertThat(tracker.failed("a")).containsExactlyInAnyOrder("b", "c", "d");
    assertThat(tracker.blocker("d")).isEqualTo("a");
    assertThat(tracker.blocker("e")).isNull();
    tracker.succeeded("e");
    assertThat(tracker.takeReady()).isEmpty();
  }

  @Test
  void aUnitBlockedByOneDependencyStaysBlockedWhenTheOtherSucceeds() {
    tracker.takeReady();
    tracker.succeeded("a");
    tracker.takeReady();
    tracker.failed("b");
    tracker.succeeded("c");
    assertThat(tracker.takeReady()).isEmpty();
    assertThat(tracker.blocker("d")).isEqualTo("b");
  }
}
