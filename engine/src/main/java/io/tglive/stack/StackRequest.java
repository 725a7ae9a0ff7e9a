package io.tglive.stack;

import io.tglive.change.DiffMode;
import io.tglive.graph.LoadOptions;
import io.tglive.policy.AccountMapping;
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
 * @param accounts the accounts and voters to use instead of those of {@code .tglive.yaml}, such
 *     as a Jenkins administrator's global configuration; empty to use the file's
 */
public record StackRequest(
    String base,
    String head,
    DiffMode diff,
    boolean includeDependents,
    boolean includeDependencies,
    Optional<List<String>> changedFiles,
    LoadOptions loadOptions,
    Optional<AccountMapping> accounts) {

  public StackRequest {
    changedFiles = changedFiles.map(List::copyOf);
  }

  /** A request that takes its accounts from {@code .tglive.yaml}. */
  public StackRequest(
      String base,
      String head,
      DiffMode diff,
      boolean includeDependents,
      boolean includeDependencies,
      Optional<List<String>> changedFiles,
      LoadOptions loadOptions) {
    this(base, head, diff, includeDependents, includeDependencies, changedFiles, loadOptions, Optional.empty());
  }

  /** This request with {@code accounts} in place of those of {@code .tglive.yaml}. */
  public StackRequest withAccounts(AccountMapping accounts) {
    return new StackRequest(
        base, head, diff, includeDependents, includeDependencies, changedFiles, loadOptions, Optional.of(accounts));
  }

  /** The changes head introduced since it left base, with dependents, default load options. */
  public static StackRequest of(String base, String head) {
    return new StackRequest(base, head, DiffMode.MERGE_BASE, true, false, Optional.empty(), LoadOptions.defaults());
  }
}
