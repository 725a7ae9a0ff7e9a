package io.tglive.approval;

/**
 * One voter's live vote on a gate.
 *
 * @param voter the user id
 * @param decision approve or reject
 * @param at ISO-8601 instant it was cast (or last changed)
 * @param comment why, possibly empty
 */
public record Vote(String voter, Decision decision, String at, String comment) {

  public Vote {
    comment = comment == null ? "" : comment;
  }
}
