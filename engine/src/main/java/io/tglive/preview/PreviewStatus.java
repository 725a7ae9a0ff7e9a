package io.tglive.preview;

import java.util.Locale;

/** What the preview of one unit found. */
public enum PreviewStatus {
  /** Planned: applying the change would change something. */
  CHANGES("changes"),
  /** Planned: nothing to do. */
  NO_CHANGES("no changes"),
  /** The plan (or reading it) failed. */
  FAILED("plan failed"),
  /** Not planned now: an in-stack dependency changes first, so the plan would see stale outputs. */
  WAITING("waiting");

  private final String label;

  PreviewStatus(String label) {
    this.label = label;
  }

  /** Words for people ({@code no changes}). */
  public String label() {
    return label;
  }

  /** The name in JSON ({@code no-changes}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
