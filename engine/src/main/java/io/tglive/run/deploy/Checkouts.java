package io.tglive.run.deploy;

import java.io.IOException;
import java.nio.file.Path;

/** Where the tree of a commit is checked out, so that terragrunt can run in it. */
@FunctionalInterface
public interface Checkouts {

  /** The absolute root of a checkout of {@code commit} (a full sha), created on first use. */
  Path root(String commit) throws IOException, InterruptedException;
}
