package io.tglive.config;

import java.nio.file.Path;

/** A file and 1-based line, for messages. */
public record Location(Path file, int line) {

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
