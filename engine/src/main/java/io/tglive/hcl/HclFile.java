package io.tglive.hcl;

/** A parsed HCL native-syntax file: its name, its source text and its root body. */
public record HclFile(String name, String source, Body body) {

  /** The exact source text of a syntax element of this file. */
  public String text(SourceRange range) {
    return source.substring(range.startOffset(), range.endOffset());
  }
}
