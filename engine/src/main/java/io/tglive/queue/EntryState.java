package io.tglive.queue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a queue entry is in its life: waiting, deploying, or one of the ends. */
public enum EntryState {
  /** Waiting for its turn. */
  QUEUED,
  /** Being deployed; at most one entry of a queue is. */
  DEPLOYING,
  /** Deployed. */
  SUCCEEDED,
  /** The last attempt failed; the entry keeps its place and is deployed again (fewer than the maximum attempts). */
  FAILED,
  /** The last attempt failed and was rolled back; the entry keeps its place and is deployed again. */
  ROLLED_BACK,
  /** Taken out of the queue for good: removed, or failed too often. */
  DROPPED,
  /** Replaced by a newer commit of the same pull request. */
  SUPERSEDED;

  /** Whether the entry waits to be deployed (queued, or failed with attempts left). */
  public boolean pending() {
    return this == QUEUED || this == FAILED || this == ROLLED_BACK;
  }

  /** Whether the entry's life is over. */
  public boolean ended() {
    return this == SUCCEEDED || this == DROPPED || this == SUPERSEDED;
  }

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The state named {@code label} ({@code rolled-back}, ...). */
  @JsonCreator
  public static EntryState of(String label) {
    for (EntryState state : values()) {
      if (state.label().equals(label)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown entry state: " + label);
  }
}
