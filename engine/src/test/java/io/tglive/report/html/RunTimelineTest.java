package io.tglive.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.state.EventType;
import io.tglive.run.state.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTimelineTest {

  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
  private final List<RunEvent> events = new ArrayList<>();

  @Test
  void stepsAreTimedFromTheirEventsAndAStepCutShortByACrashIsNotCounted() {
    at(0, RunEvent.of(EventType.RUN_STARTED, null));
    at(2, RunEvent.of(EventType.PLANNING, "u"));
    at(3, RunEvent.of(EventType.PROCESS_STARTED, "u").withProcess(7, "x", "PLAN"));
    at(4, RunEvent.of(EventType.PROCESS_ENDED, "u").withProcess(7, "x", "PLAN"));
    at(5, RunEvent.of(EventType.PLANNED, "u"));
    at(5, RunEvent.of(EventType.AWAITING_APPROVAL, "u"));
    at(12, RunEvent.of(EventType.GATED, "u"));
    at(12, RunEvent.of(EventType.APPLY_STARTED, "u"));
    at(20, RunEvent.of(EventType.RUN_RESUMED, null));
    at(21, RunEvent.of(EventType.PLANNING, "u"));
    at(22, RunEvent.of(EventType.APPLIED, "u"));
    at(23, RunEvent.of(EventType.RUN_ENDED, null));
    RunTimeline timeline = RunTimeline.of(events);
    UnitTimings u = timeline.unit("u");
    assertThat(u.start()).isEqualTo(Duration.ofSeconds(2));
    assertThat(u.plan()).as("3 s, then 1 s re-planning after the resume").isEqualTo(Duration.ofSeconds(4));
    assertThat(u.approval()).isEqualTo(Duration.ofSeconds(7));
    assertThat(u.apply()).as("the apply the crash cut short").isZero();
    assertThat(u.terragrunt()).isEqualTo(Duration.ofSeconds(1));
    assertThat(timeline.started()).isEqualTo(T0);
    assertThat(timeline.ended()).isEqualTo(T0.plusSeconds(23));
    assertThat(timeline.unit("never").start()).isNull();
  }

  @Test
  void aFailedApplyCountsItsTime() {
    at(0, RunEvent.of(EventType.RUN_STARTED, null));
    at(1, RunEvent.of(EventType.APPLY_STARTED, "u"));
    at(4, RunEvent.of(EventType.FAILED, "u"));
    assertThat(RunTimeline.of(events).unit("u").apply()).isEqualTo(Duration.ofSeconds(3));
    assertThat(RunTimeline.of(events).ended()).isNull();
  }

  private void at(int seconds, RunEvent event) {
    events.add(event.withSeq(events.size() + 1, T0.plusSeconds(seconds).toString()));
  }
}
