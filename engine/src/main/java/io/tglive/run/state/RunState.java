package io.tglive.run.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The state of a run, folded from its journal events in order. */
public final class RunState {

  private static final java.util.Set<EventType> MESSAGES = java.util.EnumSet.of(
      EventType.FAILED, EventType.BLOCKED, EventType.CANCELLED, EventType.APPLIED, EventType.NO_CHANGES);

  private RunHeader header;
  private final SortedMap<String, UnitRecord> units = new TreeMap<>();
  private final Map<Long, OpenProcess> openProcesses = new LinkedHashMap<>();
  private String outcome;
  private long lastSeq;

  /** Applies the next event. */
  public void apply(RunEvent event) {
    lastSeq = event.seq();
    String at = event.at();
    switch (event.type()) {
      case RUN_STARTED -> {
        header = event.header();
        header.units().forEach(u -> units.put(u.path(), UnitRecord.pending(u.path())));
      }
      case RUN_RESUMED -> outcome = null;
      case PROCESS_STARTED -> openProcesses.put(event.pid(),
          new OpenProcess(event.unit(), event.pid(), event.processStart(), event.command()));
      case PROCESS_ENDED -> openProcesses.remove(event.pid());
      case PLANNING -> update(event, UnitStatus.PLANNING);
      case PLANNED -> units.computeIfPresent(event.unit(), (k, u) -> u.planned(event.plan(), event.planDigest()));
      case NO_CHANGES -> update(event, UnitStatus.NO_CHANGES);
      case AWAITING_APPROVAL -> update(event, UnitStatus.AWAITING_APPROVAL);
      case GATED -> {
        units.computeIfPresent(event.unit(), (k, u) -> u.decided(event.approved(), event.who(), event.message()));
        if (!event.approved()) {
          update(event, UnitStatus.REJECTED);
        }
      }
      case APPLY_STARTED -> {
        units.computeIfPresent(event.unit(), (k, u) -> u.applyStarted(event.plan()));
        update(event, UnitStatus.APPLYING);
      }
      case APPLIED -> {
        units.computeIfPresent(event.unit(), (k, u) -> u.applied(event.plan() == null ? null : event.plan().hash(),
            event.commit()));
        update(event, UnitStatus.APPLIED);
      }
      case FAILED -> update(event, UnitStatus.FAILED);
      case BLOCKED -> update(event, UnitStatus.BLOCKED);
      case CANCELLED -> update(event, UnitStatus.CANCELLED);
      case RUN_ENDED -> outcome = event.outcome();
      default -> throw new IllegalStateException("unknown event " + event.type());
    }
    if (event.message() != null && event.unit() != null && MESSAGES.contains(event.type())) {
      units.computeIfPresent(event.unit(), (k, u) -> u.withMessage(event.message()));
    }
    if (at == null) {
      throw new IllegalStateException("event without time: " + event);
    }
  }

  private void update(RunEvent event, UnitStatus status) {
    units.computeIfPresent(event.unit(), (k, u) -> u.with(status, event.at()));
  }

  /** The run's header, or null before {@link EventType#RUN_STARTED}. */
  public RunHeader header() {
    return header;
  }

  /** Every unit by path. */
  public SortedMap<String, UnitRecord> units() {
    return Collections.unmodifiableSortedMap(units);
  }

  /** Processes started and not seen to end. */
  public Map<Long, OpenProcess> openProcesses() {
    return Collections.unmodifiableMap(openProcesses);
  }

  /** {@code succeeded}, {@code failed}, {@code rejected}, or null while the run has not ended. */
  public String outcome() {
    return outcome;
  }

  /** The sequence number of the last event applied. */
  public long lastSeq() {
    return lastSeq;
  }
}
