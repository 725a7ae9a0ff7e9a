package io.tglive.config;

import io.tglive.report.ControlCharacters;
import java.nio.file.InvalidPathException;

/** What is wrong with a string used as a path, for messages that name the file and line using it. */
final class PathText {

  private PathText() {}

  /** {@code "the path "a\u0000b" holds a NUL character"} or the platform's reason, control characters escaped. */
  static String problem(InvalidPathException e) {
    String input = ControlCharacters.escape(e.getInput());
    return e.getInput().indexOf('\0') >= 0
        ? "the path \"" + input + "\" holds a NUL character"
        : "the path \"" + input + "\": " + e.getReason();
  }
}
