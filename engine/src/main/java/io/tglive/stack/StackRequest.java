package io.tglive.stack;

import io.tglive.change.DiffMode;
import io.tglive.graph.LoadOptions;
import java.util.List;
import java.util.Optional;

/**
 * What to compute a stack for.
 *
 * @param base the revision deployed so far (branch, tag, sha, {@code HEAD~1}…)
 * @param head the revision to deploy
 * @param diff which changes count: {@link DiffMode#MERGE_BASE} (what head introduced) or {@link DiffMode#TREE}
 * @param includeDependents pull in every transitive dependent of a selected unit
 * @param includeDependencies pull in every transitive dependency of the stack
 * @param changedFiles repository-relative files to map instead of diffing the commits; both
 *     commits are still evaluated (to find added and deleted units)
 * @param loadOptions how to discover and evaluate units
 */
public record StackRequest(
    String base,
    String head,
    DiffMode diff,
    boolean includeDependents,
    boolean includeDependencies,
    Optional<List<String>> changedFiles,
    LoadOptions loadOptions) {

  public StackRequest {
    changedFiles = changedFiles.map(List::copyOf);
  }

  /** The changes head introduced since it left base, with dependents, default load options. */
  public static StackRequest of(String base, String head) {
    return new StackRequest(base, head, DiffMode.MERGE_BASE, true, false, Optional.empty(), LoadOptions.defaults());
  }
}
