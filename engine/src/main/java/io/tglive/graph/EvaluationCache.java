package io.tglive.graph;

import io.tglive.config.ConfigException;
import io.tglive.config.UnitConfig;
import io.tglive.repo.GitTree;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Evaluated unit configurations shared across snapshots of one repository (base and head of a
 * change), so that the second graph re-evaluates only the units whose inputs differ. An evaluation
 * is reused in another snapshot when, in that snapshot:
 *
 * <ul>
 *   <li>every file it read has the same content id, and every local module directory it read has the
 *       same git tree id (reads of directories in other kinds of snapshot are never reused);
 *   <li>the unit directory, every directory holding a file it read, and all their ancestors list the
 *       same names, so {@code find_in_parent_folders} and other lookups along those paths find the
 *       same files.
 * </ul>
 *
 * <p>Not covered: a lookup of a path outside those directories whose result (not content) changed,
 * such as {@code fileexists} of a sibling tree. Environments are part of the key. Thread-safe.
 */
public final class EvaluationCache {

  private record Key(Path directory, Map<String, String> environment) {}

  /** An evaluation and what it saw: a fingerprint per read and the names of each directory it depends on. */
  private record Entry(UnitConfig config, Map<Path, String> reads, Map<Path, List<String>> listings) {}

  private final Map<Key, List<Entry>> entries = new ConcurrentHashMap<>();

  /** The evaluations of one snapshot: remembers listings so each directory is listed once per snapshot. */
  final class Snapshot {

    private final RepoTree tree;
    private final Map<String, String> environment;
    private final Map<Path, List<String>> listings = new ConcurrentHashMap<>();

    private Snapshot(RepoTree tree, Map<String, String> environment) {
      this.tree = tree;
      this.environment = Map.copyOf(environment);
    }

    /** The cached evaluation of the unit if one is valid in this snapshot; else evaluates and remembers it. */
    UnitConfig evaluate(Path directory, GraphLoader.UnitEvaluator evaluator) throws ConfigException {
      Key key = new Key(directory, environment);
      for (Entry entry : entries.getOrDefault(key, List.of())) {
        if (valid(entry)) {
          return entry.config();
        }
      }
      UnitConfig config = evaluator.evaluate(directory);
      Entry entry = fingerprint(config);
      if (entry != null) {
        entries.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(entry);
      }
      return config;
    }

    private boolean valid(Entry entry) {
      for (Map.Entry<Path, String> read : entry.reads().entrySet()) {
        if (!Objects.equals(read.getValue(), fingerprint(read.getKey()))) {
          return false;
        }
      }
      for (Map.Entry<Path, List<String>> listing : entry.listings().entrySet()) {
        if (!listing.getValue().equals(listing(listing.getKey()))) {
          return false;
        }
      }
      return true;
    }

    /** The entry for an evaluation, or null when a read cannot be fingerprinted. */
    private Entry fingerprint(UnitConfig config) {
      Map<Path, String> reads = new HashMap<>();
      Map<Path, List<String>> dependsOn = new HashMap<>();
      addAncestors(config.directory(), dependsOn);
      for (Path read : config.reads()) {
        String fingerprint = fingerprint(read);
        if (fingerprint == null) {
          return null;
        }
        reads.put(read, fingerprint);
        addAncestors(read.getParent(), dependsOn);
      }
      return new Entry(config, Map.copyOf(reads), Map.copyOf(dependsOn));
    }

    private void addAncestors(Path directory, Map<Path, List<String>> into) {
      Path root = tree.root();
      for (Path at = directory; at != null && at.startsWith(root) && !into.containsKey(at); at = at.getParent()) {
        into.put(at, listing(at));
      }
    }

    /** {@code f:<content id>}, {@code d:<tree id>}, {@code -} if absent; null if it cannot be fingerprinted. */
    private String fingerprint(Path read) {
      try {
        if (tree.isFile(read)) {
          return "f:" + tree.contentId(read);
        }
        if (tree.isDirectory(read)) {
          String id = tree instanceof GitTree git ? git.treeId(read) : null;
          return id == null ? null : "d:" + id;
        }
        return "-";
      } catch (IOException e) {
        return null;
      }
    }

    private List<String> listing(Path directory) {
      return listings.computeIfAbsent(directory, d -> {
        try {
          return tree.list(d).stream().map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
          return List.of("?unreadable");
        }
      });
    }
  }

  /** The view of this cache for loading one snapshot with one environment. */
  Snapshot snapshot(RepoTree tree, Map<String, String> environment) {
    return new Snapshot(tree, environment);
  }
}
