package io.tglive.config;

import io.tglive.hcl.HclFile;
import io.tglive.hcl.HclParser;
import io.tglive.hcl.HclSyntaxException;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed HCL files by content address, shared across units and across snapshots (base and head of
 * a change), so a shared file such as {@code root.hcl} is parsed once. Thread-safe.
 *
 * <p>Retention. A parse is held strongly (for the life of the cache) when it is requested as a
 * <em>shared</em> file: an {@code include} target, a {@code read_terragrunt_config} target, or any
 * file requested through {@link #parse(RepoTree, Path)}. A unit's own {@code terragrunt.hcl},
 * requested once per load as the unit is evaluated, is held only weakly: a large repository's unit
 * files (each a sizeable syntax tree) do not pile up in the heap for the whole load, which made
 * garbage collection dominate the load time. A weakly held parse that is requested again as a
 * shared file while still reachable (a root {@code terragrunt.hcl} that is both a unit and included
 * by other units) is promoted to strong retention without reparsing; a shared file is thus parsed
 * once, or at most twice when it was first evaluated as a unit and collected before any unit
 * included it.
 *
 * <p>Base and head. The stack loads the graphs of two commits with one cache and an {@code
 * EvaluationCache}: a unit whose inputs did not change is not evaluated again (its own file is not
 * asked for), and a unit whose file changed has a new content id, so dropping unit files loses no
 * reuse there. Without an evaluation cache, an unchanged unit file may be parsed once per snapshot.
 * Shared files are kept strongly, so both snapshots share their parses. Results never depend on
 * retention: a parse is a pure function of path and content.
 */
public final class HclFileCache {

  /** Shared files: held for the life of the cache. */
  private final ConcurrentHashMap<ParseKey, ParseOutcome> parsed = new ConcurrentHashMap<>();

  /** Units' own files: held weakly; cleared entries are purged through {@link #collected}. */
  private final ConcurrentHashMap<ParseKey, WeakOutcome> unitFiles = new ConcurrentHashMap<>();

  private final ReferenceQueue<ParseOutcome> collected = new ReferenceQueue<>();

  /** Per snapshot and environment: file probes and evaluated read targets; dropped with the tree. */
  private final Map<RepoTree, Map<Map<String, String>, SnapshotCache>> snapshots =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The parsed file, retained as a shared file; parses it at most once per distinct content. */
  public HclFile parse(RepoTree tree, Path file) throws IOException, ConfigException {
    RepoTree.Content content = tree.content(file);
    return parse(tree, file, content.id(), content.bytes(), true);
  }

  /**
   * The parsed file with this content id (the caller computed it).
   *
   * @param bytes the file's bytes when the caller already has them, else null (read if needed)
   * @param shared false for a unit's own {@code terragrunt.hcl} (held weakly), true for anything
   *     else (held strongly); see the class comment
   */
  HclFile parse(RepoTree tree, Path file, String contentId, byte[] bytes, boolean shared)
      throws IOException, ConfigException {
    ParseKey key = new ParseKey(file, contentId);
    ParseOutcome outcome = parsed.get(key);
    if (outcome != null) {
      return outcome.result();
    }
    WeakOutcome weak = unitFiles.get(key);
    outcome = weak == null ? null : weak.get();
    if (outcome == null) {
      // Parse outside any lock; two threads may race on a new file, and the first result wins.
      outcome = parseNow(file, bytes != null ? bytes : tree.read(file));
    }
    if (shared) {
      ParseOutcome raced = parsed.putIfAbsent(key, outcome);
      if (raced != null) {
        outcome = raced;
      }
      if (weak != null) {
        unitFiles.remove(key, weak);
      }
    } else if (weak == null || weak.get() == null) {
      purgeCollected();
      WeakOutcome mine = new WeakOutcome(key, outcome, collected);
      if (weak == null) {
        unitFiles.putIfAbsent(key, mine);
      } else {
        unitFiles.replace(key, weak, mine);
      }
    }
    return outcome.result();
  }

  private void purgeCollected() {
    for (Reference<? extends ParseOutcome> ref; (ref = collected.poll()) != null; ) {
      WeakOutcome stale = (WeakOutcome) ref;
      unitFiles.remove(stale.key, stale);
    }
  }

  private static ParseOutcome parseNow(Path file, byte[] bytes) {
    try {
      return new ParseOutcome(HclParser.parse(file.toString(), bytes), null);
    } catch (HclSyntaxException e) {
      return new ParseOutcome(null, new ConfigException(e.getMessage(), e));
    }
  }

  /** What evaluations of one snapshot seen with one environment share. */
  SnapshotCache snapshot(RepoTree tree, Map<String, String> environment) {
    Map<Map<String, String>, SnapshotCache> byEnvironment =
        snapshots.computeIfAbsent(tree, t -> new ConcurrentHashMap<>());
    return byEnvironment.computeIfAbsent(environment, e -> new SnapshotCache());
  }

  /** Same path and same content: the parsed file (whose ranges name the path) can be shared. */
  private record ParseKey(Path file, String contentId) {}

  private record ParseOutcome(HclFile file, ConfigException error) {

    HclFile result() throws ConfigException {
      if (error != null) {
        throw error;
      }
      return file;
    }
  }

  private static final class WeakOutcome extends WeakReference<ParseOutcome> {
    final ParseKey key;

    WeakOutcome(ParseKey key, ParseOutcome outcome, ReferenceQueue<ParseOutcome> queue) {
      super(outcome, queue);
      this.key = key;
    }
  }
}
