package io.tglive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.hcl.HclFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HclFileCacheTest {

  private static final Path ROOT = Path.of("/repo").toAbsolutePath();

  @Test
  void aSharedFileIsParsedOnceAndKeptAcrossRequests() throws Exception {
    MemoryTree tree = new MemoryTree(ROOT);
    tree.file("root.hcl", "locals {\n  a = 1\n}\n");
    Path file = ROOT.resolve("root.hcl");
    HclFileCache cache = new HclFileCache();

    HclFile first = cache.parse(tree, file, "id-1", tree.read(file), true);
    HclFile second = cache.parse(tree, file, "id-1", null, true);

    assertThat(second).isSameAs(first);
    assertThat(cache.parse(tree, file, "id-2", null, true)).isNotSameAs(first);
  }

  @Test
  void aUnitFileStillReachableIsPromotedWhenAskedForAsASharedFile() throws Exception {
    MemoryTree tree = new MemoryTree(ROOT);
    tree.file("terragrunt.hcl", "inputs = {}\n");
    Path file = ROOT.resolve("terragrunt.hcl");
    HclFileCache cache = new HclFileCache();

    HclFile asUnit = cache.parse(tree, file, "id", null, false);
    HclFile asInclude = cache.parse(tree, file, "id", null, true);
    HclFile again = cache.parse(tree, file, "id", null, false);

    assertThat(asInclude).isSameAs(asUnit);
    assertThat(again).isSameAs(asUnit);
  }

  @Test
  void aSyntaxErrorIsRememberedAndRethrown() {
    MemoryTree tree = new MemoryTree(ROOT);
    tree.file("bad.hcl", "locals {\n");
    Path file = ROOT.resolve("bad.hcl");
    HclFileCache cache = new HclFileCache();

    assertThatThrownBy(() -> cache.parse(tree, file)).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> cache.parse(tree, file, tree.contentId(file), null, false))
        .isInstanceOf(ConfigException.class);
  }
}
