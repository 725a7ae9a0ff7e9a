package io.tglive.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Classifies {@code terraform.source} the way go-getter's detectors do: local path or remote. */
final class TerraformSource {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
  private static final Pattern REMOTE_HOST =
      Pattern.compile(
          "^(github\\.com|gitlab\\.com|bitbucket\\.org)/.*|^git@.*|^[^/]*\\.amazonaws\\.com/.*|^(storage|www)\\.googleapis\\.com/.*");

  private TerraformSource() {}

  /**
   * The local directory Terragrunt copies for a local source: the part before {@code //} (the
   * whole tree the module may reference), resolved from the unit directory; empty for a remote
   * source.
   */
  static Optional<Path> localDirectory(String source, Path unitDirectory) {
    String s = source.strip();
    if (s.startsWith("file://")) {
      s = s.substring("file://".length());
    } else if (s.contains("::") || SCHEME.matcher(s).find() || REMOTE_HOST.matcher(s).matches()) {
      return Optional.empty();
    }
    int query = s.indexOf('?');
    if (query >= 0) {
      s = s.substring(0, query);
    }
    int subdirectory = s.indexOf("//", s.startsWith("//") ? 2 : 0);
    if (subdirectory >= 0) {
      s = s.substring(0, subdirectory);
    }
    return Optional.of(LexicalPaths.resolve(unitDirectory, s.isEmpty() ? "." : s));
  }
}
