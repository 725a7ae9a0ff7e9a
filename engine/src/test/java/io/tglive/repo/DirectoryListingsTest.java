package io.tglive.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DirectoryListingsTest {

  private final Path group = Path.of("/repo/prod/network");
  private final DirectoryListings listings = new DirectoryListings();

  @Test
  void aNameMissingFromAListedDirectoryIsSurelyAbsent() {
    listings.record(group, new String[] {"sg", "vpc"});

    assertThat(listings.surelyAbsent(group.resolve("root.hcl"))).isTrue();
  }

  @Test
  void aListedNameIsLeftToTheTree() {
    listings.record(group, new String[] {"root.hcl", "vpc"});

    assertThat(listings.surelyAbsent(group.resolve("root.hcl"))).isFalse();
  }

  @Test
  void aNameListedInAnotherCaseIsLeftToTheTreeForCaseInsensitiveFileSystems() {
    listings.record(group, new String[] {"Root.HCL"});

    assertThat(listings.surelyAbsent(group.resolve("root.hcl"))).isFalse();
  }

  @Test
  void aNameOutsideAsciiIsLeftToTheTreeForFileSystemsThatNormalizeUnicode() {
    listings.record(group, new String[] {"cafe\u0301.hcl"});

    assertThat(listings.surelyAbsent(group.resolve("caf\u00e9.hcl"))).isFalse();
  }

  @Test
  void aDirectoryNotListedYetIsLeftToTheTree() {
    listings.record(group, new String[] {});

    assertThat(listings.surelyAbsent(Path.of("/repo/prod/data/root.hcl"))).isFalse();
    assertThat(listings.surelyAbsent(group.resolve("vpc/root.hcl"))).isFalse();
  }

  @Test
  void dotAndDotDotAreNeverAnswered() {
    listings.record(group, new String[] {"vpc"});

    assertThat(listings.surelyAbsent(group.resolve(".."))).isFalse();
    assertThat(listings.surelyAbsent(group.resolve("."))).isFalse();
    assertThat(listings.surelyAbsent(Path.of("/"))).isFalse();
  }
}
