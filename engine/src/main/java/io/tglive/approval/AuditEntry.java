package io.tglive.approval;

/**
 * One line of a run's audit log ({@code audit.jsonl}): a vote as it was cast.
 *
 * @param run the run's id
 * @param unit the unit's path
 * @param planHash the plan voted on
 * @param voter who voted
 * @param decision approve or reject
 * @param time ISO-8601 instant
 * @param comment the voter's comment
 * @param change the change, {@code PR #12} or a short commit
 * @param commit the commit planned
 */
public record AuditEntry(String run, String unit, String planHash, String voter, Decision decision, String time,
    String comment, String change, String commit) {}
