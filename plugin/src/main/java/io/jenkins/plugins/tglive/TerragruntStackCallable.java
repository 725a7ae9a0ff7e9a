package io.jenkins.plugins.tglive;

import hudson.remoting.VirtualChannel;
import io.tglive.change.BuildRevisions;
import io.tglive.change.ChangeException;
import io.tglive.policy.RepoSettings;
import io.tglive.run.choice.BaseAccounts;
import io.tglive.stack.CiStackRequest;
import io.tglive.stack.CiStackResult;
import io.tglive.stack.StackException;
import io.tglive.stack.StackResult;
import io.tglive.stack.render.StackJsonRenderer;
import io.tglive.stack.render.StackTextRenderer;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import jenkins.MasterToSlaveFileCallable;

/** Computes the stack where the repository is checked out (on the agent) with the engine's CI entry point. */
final class TerragruntStackCallable extends MasterToSlaveFileCallable<TerragruntStackCallable.Outcome> {

  private static final long serialVersionUID = 1L;

  private final CiStackRequest request;

  /** @param request everything the engine needs; serializable, it travels to the agent */
  TerragruntStackCallable(CiStackRequest request) {
    this.request = request;
  }

  @Override
  public Outcome invoke(File repo, VirtualChannel channel) {
    try {
      CiStackResult planned = request.plan(repo.toPath());
      StackResult result = planned.result();
      ArrayList<String> warnings = new ArrayList<>(result.warnings());
      result.incompleteness().forEach(line -> warnings.add("incomplete: " + line));
      String settings = null;
      String settingsRevision = null;
      if (planned.accounts() == CiStackResult.AccountSource.REPOSITORY) {
        settingsRevision = BuildRevisions.of(request.base(), request.head(), request.environment(),
            request.previousHead()).resolve(repo.toPath()).base().revision();
        settings = BaseAccounts.text(repo.toPath(), settingsRevision).orElse(null);
      }
      return new Outcome(result.complete() ? Outcome.COMPLETE : Outcome.INCOMPLETE, null, planned.revisions(),
          planned.accounts().description(), result.base(), result.head(), StackJsonRenderer.render(result),
          StackTextRenderer.render(result), warnings, result.incompleteness().size(), repo.getAbsolutePath(),
          settingsRevision, settings);
    } catch (StackException | IllegalArgumentException | ChangeException e) {
      return new Outcome(Outcome.ERROR, e.getMessage(), null, null, null, null, null, null, new ArrayList<>(), 0, null,
          null, null);
    } catch (IOException e) {
      return new Outcome(Outcome.ERROR, "cannot read " + RepoSettings.FILE_NAME + ": " + e.getMessage(), null, null,
          null, null, null, null, new ArrayList<>(), 0, null, null, null);
    }
  }

  /**
   * What the agent sends back: JDK types only, as the controller's class filter requires.
   *
   * @param status {@link #COMPLETE}, {@link #INCOMPLETE} (see {@code StackResult#complete}) or {@link #ERROR}
   * @param error why there is no stack, for {@link #ERROR}
   * @param revisions which base and head were compared and why
   * @param accounts where the accounts and voters came from
   * @param base full sha the diff started from
   * @param head full sha of the head
   * @param json the stack as JSON
   * @param text the stack for the build log
   * @param warnings non-fatal findings, then each reason the stack may be incomplete, one line each
   * @param unresolved how many reasons the stack may be incomplete (unresolved paths or units,
   *     missing dependency targets, changed files that select nothing)
   * @param repo the repository's absolute path on the agent
   * @param settingsRevision the revision whose {@code .tglive.yaml} gave the accounts (null: the global
   *     configuration's)
   * @param settings that {@code .tglive.yaml}'s text, null when there is none: the controller reads the
   *     accounts' runner settings from it, for the run's header
   */
  record Outcome(int status, String error, String revisions, String accounts, String base, String head, String json,
      String text, ArrayList<String> warnings, int unresolved, String repo, String settingsRevision, String settings)
      implements Serializable {

    static final int COMPLETE = 0;
    static final int INCOMPLETE = 1;
    static final int ERROR = 2;
  }
}
