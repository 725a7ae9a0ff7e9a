package io.tglive.repo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A read-only snapshot of a repository's files: the working directory on disk, or the tree of a git
 * commit. Paths are absolute and normalized; for a commit they are the paths the files would have
 * if that commit were checked out at {@link #root()}, so messages name real-looking files.
 */
public interface RepoTree {

  /**
   * The largest file a tree reads (16 MiB): a configuration larger than that is a mistake or a
   * hostile input (a link to {@code /dev/zero}), and reading it would exhaust the heap.
   */
  long MAX_FILE_BYTES = 16L << 20;

  /** The repository root directory. */
  Path root();

  /** True if this tree is a git commit, whose root is the top level of its repository. */
  default boolean isGitCommit() {
    return false;
  }

  /** True if a file or directory exists at this path. */
  boolean exists(Path path);

  /** True if a directory exists at this path. */
  boolean isDirectory(Path path);

  /** True if a regular file exists at this path. */
  boolean isFile(Path path);

  /**
   * True if a directory is at this path itself, not reached through a symbolic link as its last
   * segment: a walk that descends only into these never loops, as Terragrunt's discovery does not
   * follow symbolic links to directories. False for a path that does not exist; an
   * {@link IOException} when the path cannot be examined (too long, say), so a walk never skips a
   * directory silently.
   */
  default boolean isPlainDirectory(Path path) throws IOException {
    return isDirectory(path);
  }

  /** What a path holds. */
  enum PathKind {
    MISSING,
    FILE,
    DIRECTORY,
    /** Something other than a regular file or a directory. */
    OTHER
  }

  /**
   * What the path holds: {@link #isDirectory}, {@link #isFile} and {@link #exists} in one question,
   * which a tree on disk answers with one system call.
   */
  default PathKind kind(Path path) {
    return isDirectory(path)
        ? PathKind.DIRECTORY
        : isFile(path) ? PathKind.FILE : exists(path) ? PathKind.OTHER : PathKind.MISSING;
  }

  /** The entries directly inside a directory, sorted by name; empty if it is not a directory. */
  List<Path> list(Path directory) throws IOException;

  /**
   * The bytes of a regular file (reached through links, if any) of at most {@link #MAX_FILE_BYTES};
   * anything else (a directory, a device, a pipe, a larger file) is an {@link IOException} saying so.
   */
  byte[] read(Path file) throws IOException;

  /**
   * A content address of a file: equal for equal contents (git uses the blob id). Callers cache
   * parsed files by it, so base and head snapshots share work.
   */
  String contentId(Path file) throws IOException;

  /**
   * The bytes of a file and its {@link #contentId}, together: a tree that must read a file to
   * compute its id (a directory on disk) reads it once for both.
   */
  default Content content(Path file) throws IOException {
    return new Content(read(file), contentId(file));
  }

  /** A file's bytes and content id. */
  record Content(byte[] bytes, String id) {}
}
