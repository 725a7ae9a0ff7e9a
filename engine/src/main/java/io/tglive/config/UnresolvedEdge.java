package io.tglive.config;

/** An edge whose path could not be evaluated: reported, never guessed or dropped silently. */
public record UnresolvedEdge(Location location, String expression, String reason) {}
