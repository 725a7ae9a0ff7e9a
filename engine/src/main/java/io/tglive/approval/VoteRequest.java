package io.tglive.approval;

import java.util.Objects;

/**
 * A vote someone casts.
 *
 * @param unit the unit's path
 * @param planHash the plan the voter saw (its full hash, or a prefix of at least 12 characters); null: the open gate's
 * @param voter the authenticated user id
 * @param decision approve or reject
 * @param comment why, possibly empty
 */
public record VoteRequest(String unit, String planHash, String voter, Decision decision, String comment) {

  public VoteRequest {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(voter, "voter");
    Objects.requireNonNull(decision, "decision");
    planHash = planHash == null || planHash.isBlank() ? null : planHash.strip();
    comment = comment == null ? "" : comment.strip();
  }
}
