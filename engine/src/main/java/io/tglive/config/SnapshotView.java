package io.tglive.config;

import io.tglive.hcl.HclFile;
import io.tglive.repo.DirectoryListings;
import io.tglive.repo.RepoTree;
import io.tglive.repo.RepoTree.PathKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A repository snapshot seen through the shared caches (probes, content ids and parsed files) and
 * through the listings of a walk of it, which answer probes for names missing from a directory.
 */
record SnapshotView(RepoTree tree, HclFileCache files, SnapshotCache cache, DirectoryListings listings) {

  Path root() {
    return tree.root();
  }

  /**
   * The top level of the git work tree holding the snapshot ({@code get_repo_root()}): the root of
   * a git snapshot, else the nearest directory at or above the root with a {@code .git} entry.
   */
  Optional<Path> gitTopLevel() {
    if (tree.isGitCommit()) {
      return Optional.of(root());
    }
    if (exists(root().resolve(".git"))) {
      return Optional.of(root());
    }
    for (Path directory = root().getParent(); directory != null; directory = directory.getParent()) {
      if (java.nio.file.Files.exists(directory.resolve(".git"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(directory);
      }
    }
    return Optional.empty();
  }

  PathKind kind(Path path) {
    PathKind kind = cache.kinds.get(path);
    if (kind == null) {
      if (listings.surelyAbsent(path)) {
        return PathKind.MISSING;
      }
      kind = tree.kind(path);
      cache.kinds.putIfAbsent(path, kind);
    }
    return kind;
  }

  boolean exists(Path path) {
    return kind(path) != PathKind.MISSING;
  }

  /**
   * The first existing {@code <ancestor>/<name>} among at most {@code maxFolders} ancestors of
   * {@code start}, nearest first; empty if there is none. The walk up is remembered per directory
   * and name, so units of one environment share it.
   */
  Optional<Path> findInParentFolders(Path start, String name, int maxFolders) {
    Path directory = start.getParent();
    if (directory == null || maxFolders <= 0) {
      return Optional.empty();
    }
    SnapshotCache.Nearest nearest = nearest(directory, name);
    if (nearest != SnapshotCache.Nearest.NONE && directory.getNameCount() - nearest.directoryDepth() < maxFolders) {
      return Optional.of(nearest.file());
    }
    return Optional.empty();
  }

  /** The nearest existing {@code <directory or an ancestor>/<name>}, or {@code NONE}; remembered. */
  private SnapshotCache.Nearest nearest(Path directory, String name) {
    SnapshotCache.ParentLookup key = new SnapshotCache.ParentLookup(directory, name);
    SnapshotCache.Nearest nearest = cache.nearest.get(key);
    if (nearest == null) {
      Path candidate = directory.resolve(name);
      if (!isPlainName(name)) {
        candidate = candidate.normalize();
      }
      if (exists(candidate)) {
        nearest = new SnapshotCache.Nearest(candidate, directory.getNameCount());
      } else {
        Path parent = directory.getParent();
        nearest = parent == null ? SnapshotCache.Nearest.NONE : nearest(parent, name);
      }
      cache.nearest.putIfAbsent(key, nearest);
    }
    return nearest;
  }

  /** A single path element other than {@code .} and {@code ..}: resolving it needs no normalizing. */
  private static boolean isPlainName(String name) {
    return !name.isEmpty()
        && name.indexOf('/') < 0
        && name.indexOf(java.io.File.separatorChar) < 0
        && !name.equals(".")
        && !name.equals("..");
  }

  boolean isDirectory(Path path) {
    return kind(path) == PathKind.DIRECTORY;
  }

  boolean isFile(Path path) {
    return kind(path) == PathKind.FILE;
  }

  byte[] read(Path file) throws IOException {
    return tree.read(file);
  }

  /** A unit's own file, parsed: see {@link HclFileCache} for why it is not retained strongly. */
  HclFile parseUnitFile(Path file) throws IOException, ConfigException {
    return parse(file, false);
  }

  /** A shared file, parsed once and shared with every snapshot that holds the same content. */
  HclFile parse(Path file) throws IOException, ConfigException {
    return parse(file, true);
  }

  private HclFile parse(Path file, boolean shared) throws IOException, ConfigException {
    String contentId = cache.contentIds.get(file);
    byte[] bytes = null;
    if (contentId == null) {
      // One read gives both the content id and the bytes to parse, should the parse be new.
      RepoTree.Content content = tree.content(file);
      contentId = content.id();
      bytes = content.bytes();
      cache.contentIds.putIfAbsent(file, contentId);
    }
    return files.parse(tree, file, contentId, bytes, shared);
  }

  /**
   * The {@link FileFacts} of a parsed file: computed once per snapshot for a shared file (which
   * the file cache holds for its life anyway), afresh for a unit's own file (held weakly, used
   * once).
   */
  FileFacts facts(Path path, HclFile file, boolean shared) {
    return shared ? cache.facts(path, file) : FileFacts.of(path, file);
  }

  /** {@link #parse} inside an evaluation (an include or a read target): a syntax error keeps its own position. */
  HclFile parseForEvaluation(Path file) {
    try {
      return parse(file, true);
    } catch (IOException e) {
      throw EvaluationError.fatal(null, "cannot read " + file + ": " + e.getMessage());
    } catch (ConfigException e) {
      throw EvaluationError.positioned(e.getMessage());
    }
  }

  /** Most files a glob of {@code fileset} or {@code mark_glob_as_read} may list. */
  static final int MAX_LISTED_FILES = 100_000;

  /**
   * Every regular file under {@code directory}, depth first, without descending into {@code .git},
   * {@code .terraform} or {@code .terragrunt-cache}; empty if it is not a directory.
   */
  java.util.List<Path> filesUnder(Path directory) {
    java.util.List<Path> files = new java.util.ArrayList<>();
    java.util.ArrayDeque<Path> pending = new java.util.ArrayDeque<>();
    if (isDirectory(directory)) {
      pending.push(directory);
    }
    while (!pending.isEmpty()) {
      Path current = pending.pop();
      java.util.List<Path> entries;
      try {
        entries = tree.list(current);
      } catch (IOException e) {
        throw EvaluationError.fatal(null, "cannot list " + current + ": " + e.getMessage());
      }
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        PathKind kind = kind(entry);
        if (kind == PathKind.FILE) {
          files.add(entry);
          if (files.size() > MAX_LISTED_FILES) {
            throw new EvaluationError("more than " + MAX_LISTED_FILES + " files under " + directory);
          }
        } else if (kind == PathKind.DIRECTORY
            && !name.equals(".git") && !name.equals(".terraform") && !name.equals(".terragrunt-cache")) {
          pending.push(entry);
        }
      }
    }
    return files;
  }

  /** {@link #read} inside an evaluation. */
  byte[] readForEvaluation(Path file) {
    try {
      return read(file);
    } catch (IOException e) {
      throw EvaluationError.fatal(null, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
