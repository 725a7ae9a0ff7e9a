package io.tglive.config;

import io.tglive.hcl.HclFile;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.Path;

/** A repository snapshot seen through the shared caches: probes, content ids and parsed files. */
record SnapshotView(RepoTree tree, HclFileCache files, SnapshotCache cache) {

  Path root() {
    return tree.root();
  }

  SnapshotCache.Kind kind(Path path) {
    SnapshotCache.Kind kind = cache.kinds.get(path);
    if (kind == null) {
      kind =
          tree.isDirectory(path)
              ? SnapshotCache.Kind.DIRECTORY
              : tree.isFile(path)
                  ? SnapshotCache.Kind.FILE
                  : tree.exists(path) ? SnapshotCache.Kind.OTHER : SnapshotCache.Kind.MISSING;
      cache.kinds.putIfAbsent(path, kind);
    }
    return kind;
  }

  boolean exists(Path path) {
    return kind(path) != SnapshotCache.Kind.MISSING;
  }

  boolean isDirectory(Path path) {
    return kind(path) == SnapshotCache.Kind.DIRECTORY;
  }

  boolean isFile(Path path) {
    return kind(path) == SnapshotCache.Kind.FILE;
  }

  byte[] read(Path file) throws IOException {
    return tree.read(file);
  }

  /** The parsed file, sharing the parse with every snapshot that holds the same content. */
  HclFile parse(Path file) throws IOException, ConfigException {
    String contentId = cache.contentIds.get(file);
    if (contentId == null) {
      contentId = tree.contentId(file);
      cache.contentIds.putIfAbsent(file, contentId);
    }
    return files.parse(tree, file, contentId);
  }

  /** {@link #parse} inside an evaluation: a syntax error keeps its own position. */
  HclFile parseForEvaluation(Path file) {
    try {
      return parse(file);
    } catch (IOException e) {
      throw EvaluationError.fatal(null, "cannot read " + file + ": " + e.getMessage());
    } catch (ConfigException e) {
      throw EvaluationError.positioned(e.getMessage());
    }
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
