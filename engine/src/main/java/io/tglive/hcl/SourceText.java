package io.tglive.hcl;

import java.util.Arrays;

/** The characters of one source file with its line table, turning offsets into positions and errors. */
final class SourceText {

  final String file;
  final char[] chars;
  private final int[] lineStarts;
  private final int lineCount;

  SourceText(String file, String text) {
    this.file = file;
    this.chars = text.toCharArray();
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = starts;
    this.lineCount = count;
  }

  /** The 1-based line and column of a 0-based offset; columns count UTF-16 characters, a tab being one. */
  SourcePos pos(int offset) {
    int low = 0;
    int high = lineCount - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return new SourcePos(low + 1, offset - lineStarts[low] + 1, offset);
  }

  SourceRange range(int start, int end) {
    return new SourceRange(file, pos(start), pos(end));
  }

  SourceRange range(SourcePos start, int end) {
    return new SourceRange(file, start, pos(end));
  }

  String text(int start, int end) {
    return new String(chars, start, end - start);
  }

  HclSyntaxException error(int offset, String detail) {
    SourcePos at = pos(offset);
    return new HclSyntaxException(file, at.line(), at.column(), detail);
  }
}
