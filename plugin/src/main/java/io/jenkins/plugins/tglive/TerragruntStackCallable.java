package io.jenkins.plugins.tglive;

import hudson.remoting.VirtualChannel;
import io.tglive.change.BuildRevisions;
import io.tglive.change.ChangeException;
import io.tglive.change.DiffMode;
import io.tglive.graph.LoadOptions;
import io.tglive.policy.AccountMapping;
import io.tglive.stack.StackException;
import io.tglive.stack.StackPlanner;
import io.tglive.stack.StackRequest;
import io.tglive.stack.StackResult;
import io.tglive.stack.render.StackJsonRenderer;
import io.tglive.stack.render.StackTextRenderer;
import java.io.File;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/** Computes the stack where the repository is checked out (on the agent) and returns its renderings. */
final class TerragruntStackCallable extends MasterToSlaveFileCallable<TerragruntStackCallable.Outcome> {

  private static final long serialVersionUID = 1L;

  private final BuildRevisions revisions;
  private final String diff;
  private final boolean includeDependencies;
  private final ArrayList<String> changedFiles;
  private final HashMap<String, String> environment;
  private final AccountMapping accounts;

  /**
   * @param revisions the base and head candidates
   * @param diff {@code merge-base} or {@code tree}
   * @param includeDependencies pull in every transitive dependency of the stack
   * @param changedFiles files to map instead of diffing the commits, or null
   * @param environment what {@code get_env} sees: the build's environment
   * @param accounts the accounts to use instead of those of {@code .tglive.yaml}, or null
   */
  TerragruntStackCallable(BuildRevisions revisions, String diff, boolean includeDependencies, List<String> changedFiles,
      Map<String, String> environment, AccountMapping accounts) {
    this.revisions = revisions;
    this.diff = diff;
    this.includeDependencies = includeDependencies;
    this.changedFiles = changedFiles == null ? null : new ArrayList<>(changedFiles);
    this.environment = new HashMap<>(environment);
    this.accounts = accounts;
  }

  @Override
  public Outcome invoke(File repo, VirtualChannel channel) {
    try {
      BuildRevisions.Chosen chosen = revisions.resolve(repo.toPath());
      StackRequest request = new StackRequest(chosen.base().revision(),
          chosen.head().revision(), DiffMode.fromLabel(diff), true, includeDependencies,
          Optional.ofNullable(changedFiles), new LoadOptions(environment, false, 0));
      StackResult result = StackPlanner.plan(repo.toPath(), accounts == null ? request : request.withAccounts(accounts));
      ArrayList<String> warnings = new ArrayList<>(result.warnings());
      result.incompleteness().forEach(line -> warnings.add("incomplete: " + line));
      return new Outcome(result.complete() ? Outcome.COMPLETE : Outcome.INCOMPLETE, null, chosen.describe(),
          result.base(), result.head(), StackJsonRenderer.render(result), StackTextRenderer.render(result),
          warnings, result.incompleteness().size());
    } catch (ChangeException | StackException e) {
      return new Outcome(Outcome.ERROR, e.getMessage(), null, null, null, null, null, new ArrayList<>(), 0);
    }
  }

  /**
   * What the agent sends back: JDK types only, as the controller's class filter requires.
   *
   * @param status {@link #COMPLETE}, {@link #INCOMPLETE} (see {@code StackResult#complete}) or {@link #ERROR}
   * @param error why there is no stack, for {@link #ERROR}
   * @param revisions which base and head were compared and why
   * @param base full sha the diff started from
   * @param head full sha of the head
   * @param json the stack as JSON
   * @param text the stack for the build log
   * @param warnings non-fatal findings, then each reason the stack may be incomplete, one line each
   * @param unresolved how many reasons the stack may be incomplete (unresolved paths or units,
   *     missing dependency targets, changed files that select nothing)
   */
  record Outcome(int status, String error, String revisions, String base, String head, String json, String text,
      ArrayList<String> warnings, int unresolved) implements Serializable {

    static final int COMPLETE = 0;
    static final int INCOMPLETE = 1;
    static final int ERROR = 2;
  }
}
