package io.tglive.report.html;

import io.tglive.run.state.RunEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The times of a run folded from its journal: when it started and ended, and each unit's {@link UnitTimings}. A
 * step still open when a later process resumes the run (its process was killed) is dropped, not guessed.
 */
final class RunTimeline {

  private Instant started;
  private Instant ended;
  private final Map<String, Instant> first = new HashMap<>();
  private final Map<String, Instant> planning = new HashMap<>();
  private final Map<String, Instant> waiting = new HashMap<>();
  private final Map<String, Instant> applying = new HashMap<>();
  private final Map<Long, RunEvent> processes = new HashMap<>();
  private final Map<String, UnitTimings> units = new HashMap<>();

  /** The timeline of these events, in journal order. */
  static RunTimeline of(List<RunEvent> events) {
    RunTimeline timeline = new RunTimeline();
    events.forEach(timeline::apply);
    return timeline;
  }

  private void apply(RunEvent event) {
    Instant at = Instant.parse(event.at());
    String unit = event.unit();
    switch (event.type()) {
      case RUN_STARTED -> started = at;
      case RUN_RESUMED -> {
        ended = null;
        planning.clear();
        waiting.clear();
        applying.clear();
        processes.clear();
      }
      case RUN_ENDED -> ended = at;
      case PLANNING -> {
        first.putIfAbsent(unit, at);
        planning.put(unit, at);
      }
      case PLANNED, NO_CHANGES -> close(planning, unit, at, Step.PLAN);
      case AWAITING_APPROVAL -> waiting.put(unit, at);
      case GATED -> close(waiting, unit, at, Step.APPROVAL);
      case APPLY_STARTED -> applying.put(unit, at);
      case APPLIED, FAILED -> {
        close(planning, unit, at, Step.PLAN);
        close(applying, unit, at, Step.APPLY);
      }
      case PROCESS_STARTED -> processes.put(event.pid(), event);
      case PROCESS_ENDED -> {
        RunEvent start = processes.remove(event.pid());
        if (start != null) {
          add(start.unit(), Step.TERRAGRUNT, Duration.between(Instant.parse(start.at()), at));
        }
      }
      default -> {
        // blocked and cancelled units take no time
      }
    }
  }

  private enum Step { PLAN, APPROVAL, APPLY, TERRAGRUNT }

  private void close(Map<String, Instant> open, String unit, Instant at, Step step) {
    Instant since = open.remove(unit);
    if (since != null) {
      add(unit, step, Duration.between(since, at));
    }
  }

  private void add(String unit, Step step, Duration duration) {
    UnitTimings t = units.getOrDefault(unit, UnitTimings.NONE);
    units.put(unit, new UnitTimings(null,
        step == Step.PLAN ? t.plan().plus(duration) : t.plan(),
        step == Step.APPROVAL ? t.approval().plus(duration) : t.approval(),
        step == Step.APPLY ? t.apply().plus(duration) : t.apply(),
        step == Step.TERRAGRUNT ? t.terragrunt().plus(duration) : t.terragrunt()));
  }

  /** When the run started, or null for a journal without its first event. */
  Instant started() {
    return started;
  }

  /** When the run last ended, or null while it runs (or after a crash). */
  Instant ended() {
    return ended;
  }

  /** The timings of {@code unit}. */
  UnitTimings unit(String unit) {
    UnitTimings t = units.getOrDefault(unit, UnitTimings.NONE);
    Instant firstPlan = first.get(unit);
    Duration start = firstPlan == null || started == null ? null : Duration.between(started, firstPlan);
    return new UnitTimings(start, t.plan(), t.approval(), t.apply(), t.terragrunt());
  }
}
