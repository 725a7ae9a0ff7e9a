package io.tglive.graph;

import io.tglive.config.ConfigException;
import io.tglive.repo.DirectoryListings;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a walk of a repository finds: directories holding a {@code terragrunt.hcl}, {@code
 * terragrunt.stack.hcl} files and directories holding {@code *.tf} files. The walk skips every
 * dot-directory, which covers Terragrunt's always-ignored {@code .git}, {@code .terraform} and
 * {@code .terragrunt-cache} as well as generated {@code .terragrunt-stack} directories.
 *
 * @param unitDirectories directories holding a {@code terragrunt.hcl}, in walk (sorted) order
 * @param stackFiles {@code terragrunt.stack.hcl} files
 * @param terraformDirectories directories holding at least one {@code *.tf} file
 */
record RepoScan(List<Path> unitDirectories, List<Path> stackFiles, Set<Path> terraformDirectories) {

  /** Walks the whole tree from its root. */
  static RepoScan of(RepoTree tree) throws ConfigException {
    return of(tree, new DirectoryListings(), directory -> {});
  }

  /**
   * Walks the whole tree from its root, recording each directory's listing in {@code listings}
   * before looking inside it and handing each unit directory to {@code unitFound} as it is found
   * (its own and its ancestors' listings are recorded by then).
   */
  static RepoScan of(RepoTree tree, DirectoryListings listings, Consumer<Path> unitFound) throws ConfigException {
    RepoScan scan = new RepoScan(new ArrayList<>(), new ArrayList<>(), new HashSet<>());
    try {
      scan.walk(tree, tree.root(), listings, unitFound);
    } catch (IOException e) {
      throw new ConfigException(tree.root() + ": cannot read the repository: " + e.getMessage(), e);
    }
    return scan;
  }

  private void walk(RepoTree tree, Path directory, DirectoryListings listings, Consumer<Path> unitFound)
      throws IOException {
    List<Path> entries = tree.list(directory);
    String[] names = new String[entries.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = entries.get(i).getFileName().toString();
    }
    listings.record(directory, names);
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      Path entry = entries.get(i);
      if (name.equals("terragrunt.hcl")) {
        unitDirectories.add(directory);
        unitFound.accept(directory);
      } else if (name.equals("terragrunt.stack.hcl")) {
        stackFiles.add(entry);
      } else if (name.endsWith(".tf")) {
        terraformDirectories.add(directory);
      } else if (!name.startsWith(".") && tree.isDirectory(entry)) {
        walk(tree, entry, listings, unitFound);
      }
    }
  }
}
