package io.tglive.hcl;

import java.util.Objects;

/**
 * The span of a syntax element in a named source file; {@code end} is exclusive.
 *
 * <p>Compact: a range holds its file's shared line table and two offsets (a syntax tree has one
 * range per node, and positions are rarely needed), so {@link #start()} and {@link #end()} are
 * computed on each call. Equality is by file and positions, as when this was a record.
 */
public final class SourceRange {

  private final SourceLines lines;
  private final int startOffset;
  private final int endOffset;

  SourceRange(SourceLines lines, int startOffset, int endOffset) {
    this.lines = lines;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  /** A range with explicit positions. */
  public SourceRange(String file, SourcePos start, SourcePos end) {
    this(new SourceLines.Explicit(file, start, end), start.offset(), end.offset());
  }

  /** The name of the source file. */
  public String file() {
    return lines.file;
  }

  /** Where the element starts. */
  public SourcePos start() {
    return lines.pos(startOffset);
  }

  /** Where the element ends (exclusive). */
  public SourcePos end() {
    return lines.pos(endOffset);
  }

  /** The 0-based character offset of the start. */
  public int startOffset() {
    return startOffset;
  }

  /** The 0-based character offset of the end (exclusive). */
  public int endOffset() {
    return endOffset;
  }

  /** The 1-based line of the start. */
  public int line() {
    return lines.line(startOffset);
  }

  /** {@code file:line:column} of the start. */
  public String describe() {
    SourcePos start = start();
    return lines.file + ":" + start.line() + ":" + start.column();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceRange that
        && startOffset == that.startOffset
        && endOffset == that.endOffset
        && lines.file.equals(that.lines.file)
        && start().equals(that.start())
        && end().equals(that.end());
  }

  @Override
  public int hashCode() {
    return Objects.hash(lines.file, startOffset, endOffset);
  }

  @Override
  public String toString() {
    return "SourceRange[file=" + lines.file + ", start=" + start() + ", end=" + end() + "]";
  }
}
