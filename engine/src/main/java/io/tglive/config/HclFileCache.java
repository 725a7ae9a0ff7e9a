package io.tglive.config;

import io.tglive.hcl.HclFile;
import io.tglive.hcl.HclParser;
import io.tglive.hcl.HclSyntaxException;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed HCL files by content address, shared across units and across snapshots (base and head of
 * a change), so a shared file such as {@code root.hcl} is parsed once. Thread-safe.
 */
public final class HclFileCache {

  private final ConcurrentHashMap<ParseKey, ParseOutcome> parsed = new ConcurrentHashMap<>();

  /** Per snapshot and environment: file probes and evaluated read targets; dropped with the tree. */
  private final Map<RepoTree, Map<Map<String, String>, SnapshotCache>> snapshots =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The parsed file; parses it at most once per distinct content. */
  public HclFile parse(RepoTree tree, Path file) throws IOException, ConfigException {
    return parse(tree, file, tree.contentId(file));
  }

  /** The parsed file with this content id (the caller computed it); parses it at most once. */
  HclFile parse(RepoTree tree, Path file, String contentId) throws IOException, ConfigException {
    ParseKey key = new ParseKey(file, contentId);
    ParseOutcome outcome = parsed.get(key);
    if (outcome == null) {
      // Parse outside any lock; two threads may race on a new file, and the first result wins.
      String source = new String(tree.read(file), StandardCharsets.UTF_8);
      try {
        outcome = new ParseOutcome(HclParser.parse(file.toString(), source), null);
      } catch (HclSyntaxException e) {
        outcome = new ParseOutcome(null, new ConfigException(e.getMessage(), e));
      }
      ParseOutcome raced = parsed.putIfAbsent(key, outcome);
      if (raced != null) {
        outcome = raced;
      }
    }
    if (outcome.error() != null) {
      throw outcome.error();
    }
    return outcome.file();
  }

  /** What evaluations of one snapshot seen with one environment share. */
  SnapshotCache snapshot(RepoTree tree, Map<String, String> environment) {
    Map<Map<String, String>, SnapshotCache> byEnvironment =
        snapshots.computeIfAbsent(tree, t -> new ConcurrentHashMap<>());
    return byEnvironment.computeIfAbsent(environment, e -> new SnapshotCache());
  }

  /** Same path and same content: the parsed file (whose ranges name the path) can be shared. */
  private record ParseKey(Path file, String contentId) {}

  private record ParseOutcome(HclFile file, ConfigException error) {}
}
