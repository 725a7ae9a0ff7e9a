package io.tglive.config;

import io.tglive.hcl.HclFile;
import io.tglive.repo.RepoTree.PathKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every evaluation of one snapshot with one environment shares: file-system probes, content
 * ids and the values of {@code read_terragrunt_config} targets. A snapshot does not change, so
 * entries never go stale. Thread-safe; nothing is computed while holding a lock.
 */
final class SnapshotCache {

  /**
   * An evaluated {@code read_terragrunt_config} target.
   *
   * @param readerDependent true when the value depends on the reading unit (it called {@code
   *     get_original_terragrunt_dir}), so it is cached per reading unit
   */
  record ReadResult(
      Value value,
      Set<Path> reads,
      Set<Path> probes,
      Set<ParentFolderLookup> lookups,
      List<Diagnostic> diagnostics,
      boolean readerDependent) {
    ReadResult {
      reads = Set.copyOf(reads);
      probes = Set.copyOf(probes);
      lookups = Set.copyOf(lookups);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private record ReaderKey(Path file, Path originalDirectory) {}

  final ConcurrentHashMap<Path, PathKind> kinds = new ConcurrentHashMap<>();
  final ConcurrentHashMap<Path, String> contentIds = new ConcurrentHashMap<>();

  /** A {@code find_in_parent_folders} walk up: a directory it looks in and the name sought. */
  record ParentLookup(Path start, String name) {}

  /**
   * The nearest existing {@code <directory or an ancestor>/<name>} for a directory and name, and
   * the depth (name count) of the directory holding it; {@link #NONE} when there is none.
   */
  record Nearest(Path file, int directoryDepth) {
    static final Nearest NONE = new Nearest(null, -1);
  }

  /** Walks up from a directory, per directory and name. */
  final ConcurrentHashMap<ParentLookup, Nearest> nearest = new ConcurrentHashMap<>();

  /** A parsed file as a key by identity: its record equality would compare whole syntax trees. */
  private record Parsed(HclFile file) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Parsed parsed && parsed.file == file;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(file);
    }
  }

  /** The facts of shared parsed files; a file that fails its checks is checked again each time. */
  private final ConcurrentHashMap<Parsed, FileFacts> facts = new ConcurrentHashMap<>();

  private final ConcurrentHashMap<Path, ReadResult> reads = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ReaderKey, ReadResult> readerDependentReads = new ConcurrentHashMap<>();

  /** The facts of a shared parsed file at {@code path}, computed on first use. */
  FileFacts facts(Path path, HclFile file) {
    Parsed key = new Parsed(file);
    FileFacts known = facts.get(key);
    if (known == null) {
      known = FileFacts.of(path, file);
      facts.putIfAbsent(key, known);
    }
    return known;
  }

  /** The cached value of reading {@code file} from a unit in {@code originalDirectory}, or null. */
  ReadResult read(Path file, Path originalDirectory) {
    ReadResult result = reads.get(file);
    if (result != null && result.readerDependent()) {
      return readerDependentReads.get(new ReaderKey(file, originalDirectory));
    }
    return result;
  }

  /** Caches the value of reading {@code file} from a unit in {@code originalDirectory}. */
  void storeRead(Path file, Path originalDirectory, ReadResult result) {
    if (result.readerDependent()) {
      reads.putIfAbsent(file, result);
      readerDependentReads.putIfAbsent(new ReaderKey(file, originalDirectory), result);
    } else {
      reads.putIfAbsent(file, result);
    }
  }
}
