package io.tglive.graph;

import io.tglive.config.ConfigException;
import io.tglive.repo.DirectoryListings;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a walk of a repository finds: directories holding a {@code terragrunt.hcl}, {@code
 * terragrunt.stack.hcl} files and directories holding {@code *.tf} files.
 *
 * <p>The walk follows Terragrunt's discovery ({@code internal/discovery/phase_filesystem.go}): it
 * skips {@code .git}, {@code .terraform}, {@code .terragrunt-cache} and the user's exclusions
 * ({@link SkippedDirectories}) but walks other hidden directories, and it does not descend into a
 * symbolic link to a directory (Terragrunt follows those only under its {@code symlinks}
 * experiment), so no arrangement of links makes it loop. A {@code terragrunt.hcl} that is a link to
 * a file is a unit, as in Terragrunt. The walk keeps its own stack of directories, so a deep tree
 * cannot overflow the thread's stack. With a {@link StackGeneration}, each {@code
 * terragrunt.stack.hcl} is generated in memory when the walk reaches it, and the walk goes on into
 * what it generated.
 *
 * @param unitDirectories directories holding a {@code terragrunt.hcl}, in walk order (each
 *     directory before its subdirectories, siblings sorted)
 * @param stackFiles {@code terragrunt.stack.hcl} files
 * @param terraformDirectories directories holding at least one {@code *.tf} file
 */
record RepoScan(List<Path> unitDirectories, List<Path> stackFiles, Set<Path> terraformDirectories) {

  static final String UNIT_FILE = "terragrunt.hcl";
  static final String STACK_FILE = "terragrunt.stack.hcl";

  /** Walks the whole tree from its root, generating no stack. */
  static RepoScan of(RepoTree tree, SkippedDirectories skipped) throws ConfigException {
    return of(tree, skipped, null, new DirectoryListings(), directory -> {});
  }

  /**
   * Walks the whole tree from its root, recording each directory's listing in {@code listings}
   * before looking inside it and handing each unit directory to {@code unitFound} as it is found
   * (its own and its ancestors' listings are recorded by then).
   */
  static RepoScan of(
      RepoTree tree,
      SkippedDirectories skipped,
      StackGeneration stacks,
      DirectoryListings listings,
      Consumer<Path> unitFound)
      throws ConfigException {
    RepoScan scan = new RepoScan(new ArrayList<>(), new ArrayList<>(), new HashSet<>());
    Path root = tree.root();
    Deque<Path> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Path directory = pending.pop();
      List<Path> subdirectories;
      try {
        List<Path> entries = tree.list(directory);
        if (stacks != null && holdsStackFile(entries)) {
          // Generate first, then list again: the generated .terragrunt-stack (and any component
          // placed next to the stack file) is walked like any directory.
          stacks.generate(directory.resolve(STACK_FILE));
          entries = tree.list(directory);
        }
        subdirectories = scan.visit(tree, root, skipped, directory, entries, listings, unitFound);
      } catch (IOException e) {
        throw new ConfigException(directory + ": cannot read the directory: " + e.getMessage(), e);
      }
      for (int i = subdirectories.size() - 1; i >= 0; i--) {
        pending.push(subdirectories.get(i));
      }
    }
    return scan;
  }

  private static boolean holdsStackFile(List<Path> entries) {
    for (Path entry : entries) {
      if (entry.getFileName().toString().equals(STACK_FILE)) {
        return true;
      }
    }
    return false;
  }

  /** Records one directory's entries; its subdirectories to walk, sorted. */
  private List<Path> visit(
      RepoTree tree,
      Path root,
      SkippedDirectories skipped,
      Path directory,
      List<Path> entries,
      DirectoryListings listings,
      Consumer<Path> unitFound)
      throws IOException {
    String[] names = new String[entries.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = entries.get(i).getFileName().toString();
    }
    listings.record(directory, names);
    List<Path> subdirectories = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      Path entry = entries.get(i);
      if (name.equals(UNIT_FILE)) {
        unitDirectories.add(directory);
        unitFound.accept(directory);
      } else if (name.equals(STACK_FILE)) {
        stackFiles.add(entry);
      } else if (name.endsWith(".tf")) {
        terraformDirectories.add(directory);
      } else if (!skipped.skips(root, entry) && tree.isPlainDirectory(entry)) {
        subdirectories.add(entry);
      }
    }
    return subdirectories;
  }
}
