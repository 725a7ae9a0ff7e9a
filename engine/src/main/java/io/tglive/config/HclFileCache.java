package io.tglive.config;

import io.tglive.hcl.HclFile;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Parsed HCL files by content address, shared across units and across snapshots (base and head of
 * a change), so a shared file such as {@code root.hcl} is parsed once. Thread-safe.
 */
public final class HclFileCache {

  /** The parsed file; parses it at most once per distinct content. */
  public HclFile parse(RepoTree tree, Path file) throws IOException, ConfigException {
    throw new UnsupportedOperationException("to be implemented");
  }
}
