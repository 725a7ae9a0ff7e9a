package io.tglive.graph;

import io.tglive.config.ConfigException;
import io.tglive.config.ParentFolderLookup;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The paths that differ between two snapshots of a repository, seen from the graph: which
 * evaluations they invalidate and how they change discovery.
 *
 * @param touched every changed path (absolute, normalized) and all its ancestors up to the root
 * @param kindChanged paths that are a file in one snapshot and a directory or missing in the other
 *     (or a directory in one and missing in the other): changed files and the directories that
 *     appeared or disappeared with them
 * @param unitFiles changed {@code terragrunt.hcl} paths that discovery would see
 * @param stackFiles changed {@code terragrunt.stack.hcl} paths that discovery would see
 * @param terraformDirectories directories where discovery would see a changed {@code *.tf} name
 * @param rescan true when the change could alter discovery in a way not captured above (a
 *     directory named like a file discovery looks for), so the head tree is walked again
 */
record TreeChanges(
    Set<Path> touched,
    Set<Path> kindChanged,
    Set<Path> unitFiles,
    Set<Path> stackFiles,
    Set<Path> terraformDirectories,
    boolean rescan) {

  private static final String UNIT_FILE = "terragrunt.hcl";
  private static final String STACK_FILE = "terragrunt.stack.hcl";

  /** Classifies the changed paths (repository-relative, {@code /}-separated) between {@code base} and {@code head}. */
  static TreeChanges of(RepoTree base, RepoTree head, Collection<String> changedPaths, SkippedDirectories skipped) {
    Path root = head.root();
    Set<Path> touched = new HashSet<>();
    Set<Path> kindChanged = new HashSet<>();
    Set<Path> unitFiles = new LinkedHashSet<>();
    Set<Path> stackFiles = new LinkedHashSet<>();
    Set<Path> terraformDirectories = new LinkedHashSet<>();
    boolean rescan = false;
    for (String changed : changedPaths) {
      Path path = root.resolve(changed).normalize();
      if (!path.startsWith(root) || path.equals(root)) {
        rescan = true;
        continue;
      }
      for (Path at = path; at != null && at.startsWith(root) && touched.add(at); at = at.getParent()) {
        // every ancestor is touched: a unit reading a directory reads everything under it
      }
      for (Path at = path; !at.equals(root) && base.kind(at) != head.kind(at); at = at.getParent()) {
        kindChanged.add(at);
      }
      List<String> segments = new ArrayList<>();
      root.relativize(path).forEach(segment -> segments.add(segment.toString()));
      for (String directory : segments.subList(0, segments.size() - 1)) {
        // discovery does not walk into these, whatever they are: let the walk decide
        rescan |= directory.equals(UNIT_FILE) || directory.equals(STACK_FILE) || directory.endsWith(".tf");
      }
      if (skipped.hides(String.join("/", segments))) {
        continue;
      }
      String name = segments.get(segments.size() - 1);
      if (name.equals(UNIT_FILE)) {
        unitFiles.add(path);
      } else if (name.equals(STACK_FILE)) {
        stackFiles.add(path);
      } else if (name.endsWith(".tf")) {
        terraformDirectories.add(path.getParent());
      }
    }
    return new TreeChanges(touched, kindChanged, unitFiles, stackFiles, terraformDirectories, rescan);
  }

  /**
   * True when the base evaluation may differ at head: something under the unit directory changed,
   * a read file or directory changed, or a path it probed (directly or as a lookup candidate)
   * changed kind.
   */
  boolean invalidates(GraphLoader.Evaluation evaluation) {
    if (touched.contains(evaluation.directory())) {
      return true;
    }
    for (Path read : evaluation.reads()) {
      if (touched.contains(read)) {
        return true;
      }
    }
    if (kindChanged.isEmpty()) {
      return false;
    }
    for (Path probe : evaluation.probes()) {
      if (kindChanged.contains(probe)) {
        return true;
      }
    }
    for (ParentFolderLookup lookup : evaluation.lookups()) {
      for (Path path : kindChanged) {
        if (lookup.mayProbe(path)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The base discovery with these changes applied, reading the head tree only where something changed. */
  GraphLoader.Discovery apply(GraphLoader.Discovery base, RepoTree head) throws ConfigException {
    List<Path> units = new ArrayList<>();
    for (Path directory : base.unitDirectories()) {
      if (!unitFiles.contains(directory.resolve(UNIT_FILE))) {
        units.add(directory);
      }
    }
    for (Path file : unitFiles) {
      if (head.exists(file)) {
        units.add(file.getParent());
      }
    }
    List<Path> stacks = new ArrayList<>();
    for (Path file : base.stackFiles()) {
      if (!stackFiles.contains(file)) {
        stacks.add(file);
      }
    }
    for (Path file : stackFiles) {
      if (head.exists(file)) {
        stacks.add(file);
      }
    }
    Set<Path> terraform = new HashSet<>(base.terraformDirectories());
    for (Path directory : terraformDirectories) {
      terraform.remove(directory);
      try {
        for (Path entry : head.list(directory)) {
          if (entry.getFileName().toString().endsWith(".tf")) {
            terraform.add(directory);
            break;
          }
        }
      } catch (IOException e) {
        throw new ConfigException(
            head.root() + ": cannot read the repository: " + e.getMessage(), e);
      }
    }
    return new GraphLoader.Discovery(units, stacks, terraform);
  }
}
