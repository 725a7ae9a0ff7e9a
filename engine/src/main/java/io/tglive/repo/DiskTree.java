package io.tglive.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** A {@link RepoTree} over a directory on disk. */
public final class DiskTree implements RepoTree {

  private final Path root;

  public DiskTree(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(path);
  }

  @Override
  public boolean isDirectory(Path path) {
    return Files.isDirectory(path);
  }

  @Override
  public boolean isFile(Path path) {
    return Files.isRegularFile(path);
  }

  /**
   * One {@code stat} for a missing path (most probes are), without the exception {@link
   * Files#readAttributes} would make; two otherwise. A path that cannot be examined is missing, as
   * for {@link Files#exists}.
   */
  @Override
  public PathKind kind(Path path) {
    if (!path.toFile().exists()) {
      return PathKind.MISSING;
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.isDirectory()
          ? PathKind.DIRECTORY
          : attributes.isRegularFile() ? PathKind.FILE : PathKind.OTHER;
    } catch (IOException e) {
      return PathKind.MISSING;
    }
  }

  /** One {@code lstat}: a symbolic link to a directory is not a plain directory. */
  @Override
  public boolean isPlainDirectory(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw FileErrors.plain(e);
    }
  }

  @Override
  public List<Path> list(Path directory) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path entry : stream) {
        entries.add(entry);
      }
    } catch (NotDirectoryException | NoSuchFileException e) {
      return List.of();
    } catch (DirectoryIteratorException e) {
      throw FileErrors.plain(e.getCause());
    } catch (IOException e) {
      throw FileErrors.plain(e);
    }
    entries.sort(null);
    return Collections.unmodifiableList(entries);
  }

  /**
   * Reads a regular file only, checked before it is opened (opening a pipe would wait for a writer)
   * and read to at most {@link #MAX_FILE_BYTES} (a file may grow after the check).
   */
  @Override
  public byte[] read(Path file) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        throw new IOException(attributes.isDirectory() ? "is a directory" : "not a regular file");
      }
      if (attributes.size() > MAX_FILE_BYTES) {
        throw tooLarge();
      }
      try (InputStream in = Files.newInputStream(file)) {
        // Into a buffer of the size just seen, then to the cap should the file have grown.
        int size = (int) attributes.size();
        byte[] bytes = new byte[size];
        int read = in.readNBytes(bytes, 0, size);
        if (read < size) {
          return Arrays.copyOf(bytes, read);
        }
        int next = in.read();
        if (next < 0) {
          return bytes;
        }
        byte[] more = in.readNBytes((int) (MAX_FILE_BYTES - size));
        if (size + 1L + more.length > MAX_FILE_BYTES) {
          throw tooLarge();
        }
        byte[] grown = Arrays.copyOf(bytes, size + 1 + more.length);
        grown[size] = (byte) next;
        System.arraycopy(more, 0, grown, size + 1, more.length);
        return grown;
      }
    } catch (IOException e) {
      throw FileErrors.plain(e);
    }
  }

  private static IOException tooLarge() {
    return new IOException("larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
  }

  /**
   * The git blob id of the file's bytes (SHA-1 of {@code "blob <size>\0"} and the bytes), so a file
   * on disk and a committed blob with the same bytes have the same id, as {@link GitTree} gives
   * blob ids, and share cached parses.
   */
  @Override
  public String contentId(Path file) throws IOException {
    return blobId(read(file));
  }

  /** Reads the file once for both its bytes and its id. */
  @Override
  public Content content(Path file) throws IOException {
    byte[] bytes = read(file);
    return new Content(bytes, blobId(bytes));
  }

  /** Git's object id of a blob with these bytes. */
  static String blobId(byte[] bytes) {
    MessageDigest digest = sha1();
    digest.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(digest.digest(bytes));
  }

  private static final MessageDigest SHA1;

  static {
    try {
      SHA1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every Java platform", e);
    }
  }

  private static MessageDigest sha1() {
    try {
      return (MessageDigest) SHA1.clone();
    } catch (CloneNotSupportedException e) {
      try {
        return MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }
}
