package io.tglive.repo;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * I/O errors with the operating system's words as their message ("permission denied", "Too many
 * levels of symbolic links"), so that callers who prefix the path do not print it twice, or print
 * only it: Java's own {@link FileSystemException}s often carry nothing but the path.
 */
final class FileErrors {

  private FileErrors() {}

  /**
   * The error to throw instead of {@code e}: a {@link NoSuchFileException} stays one (callers tell
   * a missing file by its type); other file-system errors become an {@link IOException} whose
   * message is the reason only.
   */
  static IOException plain(IOException e) {
    if (e instanceof NoSuchFileException) {
      return e;
    }
    if (e instanceof AccessDeniedException) {
      return new IOException("permission denied", e);
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return new IOException(fileSystem.getReason(), e);
    }
    return e;
  }
}
