package io.tglive.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line of a queue journal: an operation and every entry it changed, as they are after it. Replaying
 * the lines in order (each entry replaced by its newest version) gives the queue; one line per operation
 * makes every operation all or nothing.
 *
 * @param seq position in the queue directory's history, from 1
 * @param at ISO-8601 instant
 * @param type what happened
 * @param by who asked, when known
 * @param entries the changed entries, after the change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueEvent(long seq, String at, QueueEventType type, String by, List<QueueEntry> entries) {

  public QueueEvent {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
