package io.tglive.report.html;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes instants ({@code 2026-11-30 08:30:11 UTC}) and durations ({@code 1.2 s}, {@code 3 min 04 s}). */
final class TimeText {

  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TimeText() {}

  static String instant(Instant value) {
    return value == null ? "\u2014" : INSTANT.format(value);
  }

  static String duration(Duration value) {
    long millis = value.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = value.toSeconds();
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }
}
