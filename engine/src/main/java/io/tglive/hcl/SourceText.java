package io.tglive.hcl;

/** The characters of one source file with its line table, turning offsets into positions and errors. */
final class SourceText {

  final String file;
  final char[] chars;
  /** The line table, shared by every range of the file. */
  final SourceLines lines;

  SourceText(String file, String text) {
    this.file = file;
    this.chars = text.toCharArray();
    this.lines = SourceLines.of(file, chars);
  }

  /** The 1-based line and column of a 0-based offset; columns count UTF-16 characters, a tab being one. */
  SourcePos pos(int offset) {
    return lines.pos(offset);
  }

  SourceRange range(int start, int end) {
    return new SourceRange(lines, start, end);
  }

  String text(int start, int end) {
    return new String(chars, start, end - start);
  }

  HclSyntaxException error(int offset, String detail) {
    SourcePos at = pos(offset);
    return new HclSyntaxException(file, at.line(), at.column(), detail);
  }
}
