package io.tglive.hcl;

/** The span of a syntax element in a named source file; {@code end} is exclusive. */
public record SourceRange(String file, SourcePos start, SourcePos end) {

  /** {@code file:line:column} of the start. */
  public String describe() {
    return file + ":" + start.line() + ":" + start.column();
  }
}
