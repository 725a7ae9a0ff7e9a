package io.tglive.hcl;

/** A position in a source file: 1-based line and column, 0-based character offset. */
public record SourcePos(int line, int column, int offset) {}
