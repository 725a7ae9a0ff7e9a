package io.tglive.queue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where a named queue's directory is under a root: one directory per queue, its name made file-safe. */
public final class QueueDirectory {

  private QueueDirectory() {}

  /**
   * {@code root/<name>}, every character outside {@code A-Z a-z 0-9 . _ -} written as {@code %XX} (its
   * UTF-8 bytes), so distinct names get distinct directories: {@code acme/live} is {@code acme%2Flive}.
   */
  public static Path of(Path root, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a queue needs a name");
    }
    StringBuilder file = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' && !file.isEmpty())) {
        file.append(c);
      } else {
        file.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return root.resolve(file.toString());
  }
}
