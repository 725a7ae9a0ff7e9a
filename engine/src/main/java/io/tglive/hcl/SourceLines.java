package io.tglive.hcl;

import java.util.Arrays;

/**
 * The name and line table of one source file, shared by every {@link SourceRange} of the file, so
 * a range needs only two offsets and positions are computed on demand. Immutable.
 */
class SourceLines {

  final String file;
  /** Offsets at which lines start; {@code lineStarts[0] == 0}. */
  private final int[] lineStarts;

  SourceLines(String file, int[] lineStarts) {
    this.file = file;
    this.lineStarts = lineStarts;
  }

  /** The line table of {@code chars}. */
  static SourceLines of(String file, char[] chars) {
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
    return new SourceLines(file, Arrays.copyOf(starts, count));
  }

  /** The 1-based line and column of a 0-based offset; columns count UTF-16 characters, a tab being one. */
  SourcePos pos(int offset) {
    int line = line(offset);
    return new SourcePos(line, offset - lineStarts[line - 1] + 1, offset);
  }

  /** The 1-based line of a 0-based offset. */
  int line(int offset) {
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low + 1;
  }

  /** Positions given explicitly (see {@link SourceRange#SourceRange(String, SourcePos, SourcePos)}). */
  static final class Explicit extends SourceLines {
    private final SourcePos start;
    private final SourcePos end;

    Explicit(String file, SourcePos start, SourcePos end) {
      super(file, new int[] {0});
      this.start = start;
      this.end = end;
    }

    @Override
    SourcePos pos(int offset) {
      return offset == start.offset() ? start : end;
    }

    @Override
    int line(int offset) {
      return pos(offset).line();
    }
  }
}
