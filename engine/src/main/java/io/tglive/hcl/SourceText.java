package io.tglive.hcl;

/** The characters of one source file with its line table, turning offsets into positions and errors. */
final class SourceText {

  final String file;
  final char[] chars;
  /** The line table, shared by every range of the file. */
  final SourceLines lines;

  /** For text embedded in another file (a decoded JSON string): every range is the host's span. */
  private final SourceText host;
  private final int hostStart;
  private final int hostEnd;

  SourceText(String file, String text) {
    this.file = file;
    this.chars = text.toCharArray();
    this.lines = SourceLines.of(file, chars);
    this.host = null;
    this.hostStart = 0;
    this.hostEnd = 0;
  }

  private SourceText(SourceText host, String text, int hostStart, int hostEnd) {
    this.file = host.file;
    this.chars = text.toCharArray();
    this.lines = host.lines;
    this.host = host;
    this.hostStart = hostStart;
    this.hostEnd = hostEnd;
  }

  /**
   * Text that stands for the span {@code [start, end)} of this file, such as the decoded value of a
   * JSON string with escapes: its ranges and error positions are that span's.
   */
  SourceText embedded(String text, int start, int end) {
    return new SourceText(this, text, start, end);
  }

  /** The 1-based line and column of a 0-based offset; columns count UTF-16 characters, a tab being one. */
  SourcePos pos(int offset) {
    return host != null ? host.pos(hostStart) : lines.pos(offset);
  }

  SourceRange range(int start, int end) {
    return host != null ? host.range(hostStart, hostEnd) : new SourceRange(lines, start, end);
  }

  String text(int start, int end) {
    return new String(chars, start, end - start);
  }

  HclSyntaxException error(int offset, String detail) {
    SourcePos at = pos(offset);
    return new HclSyntaxException(file, at.line(), at.column(), detail);
  }
}
