package io.tglive.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedFileListTest {

  @TempDir Path dir;

  @Test
  void blanksCrlfDotSlashPrefixesBackslashesAndDuplicatesAreNormalised() throws Exception {
    List<String> entries = Arrays.asList(" ./live/a/x.tf\r\n\r\n././live/b//y.tf ", null, "live\\c\\z.tf\rlive/a/x.tf", " ");

    assertThat(ChangedFileList.normalize("changedFiles", entries))
        .containsExactly("live/a/x.tf", "live/b/y.tf", "live/c/z.tf");
  }

  @Test
  void anAbsolutePathIsAnErrorNamingItsLine() {
    assertThatThrownBy(() -> ChangedFileList.normalize("changedFiles", List.of("live/a/x.tf\n/etc/passwd")))
        .isInstanceOf(StackException.class)
        .hasMessage("changedFiles:2: '/etc/passwd' is absolute; changed files are relative to the repository root");
  }

  @Test
  void aPathLeavingTheRepositoryIsAnError() {
    assertThatThrownBy(() -> ChangedFileList.normalize("list.txt", List.of("live/../../x")))
        .hasMessage("list.txt:1: 'live/../../x' leaves the repository (a '..' segment)");
  }

  @Test
  void aFileOfChangedPathsIsReadAsUtf8() throws Exception {
    Path file = dir.resolve("changed.txt");
    Files.writeString(file, "\uFEFF./live/caf\u00e9/x.tf\r\n\r\nREADME.md\r\n", StandardCharsets.UTF_8);

    assertThat(ChangedFileList.read(file)).containsExactly("live/caf\u00e9/x.tf", "README.md");
  }

  @Test
  void aFileThatIsNotUtf8IsAnErrorNamingFileLineAndColumn() throws Exception {
    Path file = dir.resolve("changed.txt");
    Files.write(file, "live/a/x.tf\nlive/caf\u00e9/x.tf\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> ChangedFileList.read(file))
        .isInstanceOf(StackException.class)
        .hasMessage(file + ":2:9: not UTF-8: invalid byte 0xE9");
  }

  @Test
  void aMissingFileOrADirectoryIsAnErrorNamingIt() {
    assertThatThrownBy(() -> ChangedFileList.read(dir.resolve("nope.txt")))
        .hasMessage(dir.resolve("nope.txt") + ": no such file");
    assertThatThrownBy(() -> ChangedFileList.read(dir)).hasMessage(dir + ": not a regular file");
  }
}
