package io.tglive.policy;

/**
 * Something wrong with an account mapping.
 *
 * @param accountIndex position of the offending account in the mapping
 * @param message human message naming the account
 */
public record AccountProblem(int accountIndex, String message) {}
