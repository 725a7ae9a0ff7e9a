package io.tglive.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DiskTree} reads regular files only, within a size cap, and says what the system said. */
class DiskTreeTest {

  @TempDir Path dir;

  @Test
  void aNamedPipeIsNotOpenedSoNothingWaitsForAWriter() throws Exception {
    Path fifo = dir.resolve("terragrunt.hcl");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");

    assertThatThrownBy(() -> new DiskTree(dir).read(fifo))
        .isInstanceOf(IOException.class)
        .hasMessage("not a regular file");
  }

  @Test
  void aLinkToAnEndlessDeviceIsNotRead() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    Path link = Files.createSymbolicLink(dir.resolve("terragrunt.hcl"), Path.of("/dev/zero"));

    assertThatThrownBy(() -> new DiskTree(dir).read(link)).hasMessage("not a regular file");
  }

  @Test
  void aFileLargerThanTheCapIsRefusedWithoutReadingIt() throws Exception {
    Path big = dir.resolve("big.hcl");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(RepoTree.MAX_FILE_BYTES + 1);
    }

    assertThatThrownBy(() -> new DiskTree(dir).read(big)).hasMessage("larger than 16 MiB");
    assertThatThrownBy(() -> new DiskTree(dir).content(big)).hasMessage("larger than 16 MiB");
  }

  @Test
  void aFileAtTheCapIsRead() throws Exception {
    Path file = dir.resolve("edge.hcl");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(RepoTree.MAX_FILE_BYTES);
    }

    assertThat(new DiskTree(dir).read(file)).hasSize((int) RepoTree.MAX_FILE_BYTES);
  }

  @Test
  void aDirectoryIsNotAFile() {
    assertThatThrownBy(() -> new DiskTree(dir).read(dir)).hasMessage("is a directory");
  }

  @Test
  void aMissingFileStaysANoSuchFileException() {
    assertThatThrownBy(() -> new DiskTree(dir).read(dir.resolve("nope"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void anUnreadableFileOrDirectorySaysPermissionDenied() throws Exception {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads everything");
    Path file = Files.writeString(dir.resolve("secret.hcl"), "x");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    Path closed = Files.createDirectory(dir.resolve("closed"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
    try {
      assertThatThrownBy(() -> new DiskTree(dir).read(file)).hasMessage("permission denied");
      assertThatThrownBy(() -> new DiskTree(dir).list(closed)).hasMessage("permission denied");
    } finally {
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void systemErrorsAreReworded() {
    assertThat(FileErrors.plain(new java.nio.file.AccessDeniedException("/x"))).hasMessage("permission denied");
    assertThat(FileErrors.plain(new java.nio.file.FileSystemException("/x", null, "File name too long")))
        .hasMessage("File name too long");
    assertThat(FileErrors.plain(new NoSuchFileException("/x"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aLinkLoopSaysWhatTheSystemSaid() throws Exception {
    Path loop = Files.createSymbolicLink(dir.resolve("loop.hcl"), Path.of("loop.hcl"));

    assertThatThrownBy(() -> new DiskTree(dir).read(loop))
        .isInstanceOf(IOException.class)
        .message().containsIgnoringCase("symbolic links").doesNotContain(dir.toString());
  }

  @Test
  void onlyARealDirectoryIsPlain() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    DiskTree tree = new DiskTree(dir);

    assertThat(tree.isPlainDirectory(real)).isTrue();
    assertThat(tree.isPlainDirectory(link)).isFalse();
    assertThat(tree.isDirectory(link)).isTrue();
  }
}
