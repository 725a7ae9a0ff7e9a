package io.tglive.run.state;

/**
 * A process the journal saw start but not end.
 *
 * @param unit the unit it ran for
 * @param pid its pid
 * @param start its start instant (ISO-8601), to tell it from a later process with the same pid
 * @param command the command kind
 */
public record OpenProcess(String unit, long pid, String start, String command) {}
