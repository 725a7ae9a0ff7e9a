package io.tglive.hcl;

/** An attribute {@code name = expression}. */
public record Attribute(String name, Expression value, SourceRange range) {}
