package io.tglive.stack;

import io.tglive.change.BuildRevisions;
import io.tglive.change.ChangeException;
import io.tglive.change.DiffMode;
import io.tglive.graph.LoadOptions;
import io.tglive.policy.AccountMapping;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack of a CI build, as every front end asks for it ({@code tglive stack}, Jenkins'
 * {@code terragruntStack}): the one place that picks the revisions, normalises the changed files
 * and decides whose accounts govern. Serializable, so a controller can send it to an agent.
 *
 * @param base the base the caller named, or null to derive it from the build ({@link BuildRevisions})
 * @param head the head the caller named, or null for {@code HEAD}
 * @param previousHead the head the previous successful build of this repository directory deployed, or null
 * @param environment the build's environment: {@code CHANGE_ID} / {@code CHANGE_TARGET} choose a pull
 *     request's base, and {@code get_env} sees it
 * @param diff which changes count
 * @param includeDependents pull in every transitive dependent of a selected unit
 * @param includeDependencies pull in every transitive dependency of the stack
 * @param changedFiles the files to map instead of diffing, as given (normalised by {@link ChangedFileList}), or null
 * @param rootConfigIsUnit treat an included {@code terragrunt.hcl} without terraform source as a unit (Terragrunt 1.x)
 * @param globalAccounts an administrator's accounts (Jenkins global configuration): when it has any, they
 *     replace those of {@code .tglive.yaml}, which a repository's committers can change
 * @param excludeDirs directories discovery does not walk besides Terragrunt's own ({@link LoadOptions#excludeDirs()})
 */
public record CiStackRequest(
    String base,
    String head,
    String previousHead,
    Map<String, String> environment,
    DiffMode diff,
    boolean includeDependents,
    boolean includeDependencies,
    List<String> changedFiles,
    boolean rootConfigIsUnit,
    AccountMapping globalAccounts,
    List<String> excludeDirs) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What {@code changedFiles} is called in errors. */
  static final String CHANGED_FILES = "changedFiles";

  public CiStackRequest {
    environment = new HashMap<>(Objects.requireNonNullElse(environment, Map.of()));
    diff = Objects.requireNonNullElse(diff, DiffMode.MERGE_BASE);
    changedFiles = changedFiles == null ? null : List.copyOf(changedFiles.stream().map(f -> f == null ? "" : f).toList());
    globalAccounts = Objects.requireNonNullElse(globalAccounts, AccountMapping.EMPTY);
    excludeDirs = List.copyOf(Objects.requireNonNullElse(excludeDirs, List.of()));
  }

  /** A request whose discovery skips only Terragrunt's own directories. */
  public CiStackRequest(String base, String head, String previousHead, Map<String, String> environment, DiffMode diff,
      boolean includeDependents, boolean includeDependencies, List<String> changedFiles, boolean rootConfigIsUnit,
      AccountMapping globalAccounts) {
    this(base, head, previousHead, environment, diff, includeDependents, includeDependencies, changedFiles,
        rootConfigIsUnit, globalAccounts, List.of());
  }

  /** Whether the accounts come from {@link #globalAccounts()} rather than {@code .tglive.yaml}. */
  public boolean usesGlobalAccounts() {
    return !globalAccounts.accounts().isEmpty();
  }

  /** Resolves the revisions in the repository at (or above) {@code repo} and computes the stack. */
  public CiStackResult plan(Path repo) throws StackException {
    BuildRevisions.Chosen chosen;
    try {
      chosen = BuildRevisions.of(base, head, environment, previousHead).resolve(repo);
    } catch (ChangeException e) {
      throw new StackException(e.getMessage());
    }
    Optional<List<String>> files = changedFiles == null
        ? Optional.empty()
        : Optional.of(ChangedFileList.normalize(CHANGED_FILES, changedFiles));
    StackRequest request = new StackRequest(chosen.base().revision(), chosen.head().revision(), diff,
        includeDependents, includeDependencies, files, new LoadOptions(environment, rootConfigIsUnit, 0, excludeDirs),
        usesGlobalAccounts() ? Optional.of(globalAccounts) : Optional.empty());
    StackResult result = StackPlanner.plan(repo, request);
    return new CiStackResult(chosen.describe(),
        usesGlobalAccounts() ? CiStackResult.AccountSource.GLOBAL : CiStackResult.AccountSource.REPOSITORY, result);
  }
}
