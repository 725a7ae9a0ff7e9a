package io.tglive.queue;

import java.util.List;

/**
 * Every entry of a queue directory as of journal line {@code seq}; replaced atomically when a journal is sealed.
 *
 * @param seq the last operation it includes
 * @param entries every entry, by id
 */
public record QueueSnapshot(long seq, List<QueueEntry> entries) {

  public QueueSnapshot {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
