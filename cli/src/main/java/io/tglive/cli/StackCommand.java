package io.tglive.cli;

import io.tglive.change.DiffMode;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.RepoSettings;
import io.tglive.policy.SettingsException;
import io.tglive.stack.ChangedFileList;
import io.tglive.stack.CiStackRequest;
import io.tglive.stack.CiStackResult;
import io.tglive.stack.StackException;
import io.tglive.stack.StackResult;
import io.tglive.stack.render.StackFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive stack}: prints the units a change deploys, in order, with reasons and approval policies. */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    description = "Prints the deploy stack of a change: the units to apply or destroy, in order, and why.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the stack is complete",
      "1:the stack may be incomplete: an unresolved path or unit, a missing dependency, a changed file that selects no unit (the stack is still printed; each reason on stderr)",
      "2:errors: bad revisions, invalid configuration, cycles, a deleted unit still in use, bad arguments"
    })
final class StackCommand implements Callable<Integer> {

  static final int INCOMPLETE = 1;
  static final int ERROR = 2;

  @Spec private CommandSpec spec;

  @Mixin private FeatureOptions features;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The git repository (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Option(names = "--base", paramLabel = "REF", description = "The revision deployed so far. Without it: a pull"
      + " request's target (CHANGE_ID and CHANGE_TARGET set: origin/TARGET, then TARGET), else --previous-head,"
      + " else the head's first parent.")
  private String base;

  @Option(names = "--head", paramLabel = "REF", description = "The revision to deploy (default: HEAD).")
  private String head;

  @Option(names = "--previous-head", paramLabel = "SHA", description = "The head the previous successful deploy"
      + " of this repository recorded: the default base, which must then be in the clone (no fallback).")
  private String previousHead;

  @Option(names = "--diff", paramLabel = "MODE", defaultValue = "merge-base",
      description = "merge-base (what head introduced since it left base) or tree (plain tree diff). "
          + "Default: ${DEFAULT-VALUE}.")
  private String diff;

  @Option(names = "--include-dependencies", description = "Also deploy every transitive dependency of the stack.")
  private boolean includeDependencies;

  @Option(names = "--no-dependents", negatable = false,
      description = "Deploy only the units the change selects, not their dependents.")
  private boolean noDependents;

  @Option(names = "--changed-files", paramLabel = "FILE",
      description = "Map these repository-relative files (UTF-8, one per line; blank lines, CRLF and ./ prefixes"
          + " are fine) instead of diffing the revisions.")
  private Path changedFiles;

  @Option(names = "--accounts", paramLabel = "FILE", description = "A settings file (.tglive.yaml syntax) whose"
      + " accounts, if it has any, replace those of the repository's .tglive.yaml, as Jenkins' global"
      + " configuration does.")
  private Path accounts;

  @Option(names = "--root-config-is-unit",
      description = "Treat an included terragrunt.hcl without terraform source as a unit (Terragrunt 1.x).")
  private boolean rootConfigIsUnit;

  @Option(names = "--exclude-dir", paramLabel = "PATTERN",
      description = "A directory not to walk, besides .git, .terraform and .terragrunt-cache: a name pattern "
          + "(* and ?; '.*' skips hidden directories) or a repository-relative path. Repeatable.")
  private List<String> excludeDirs = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "json, text, dot or mermaid. Default: ${DEFAULT-VALUE}.")
  private StackFormat format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RepoArgument.check(spec, repo);
    try {
      CiStackRequest request = new CiStackRequest(base, head, previousHead, features.environment(), diffMode(),
          !noDependents, includeDependencies, changedFiles == null ? null : ChangedFileList.read(changedFiles),
          rootConfigIsUnit, globalAccounts(), excludeDirs);
      CiStackResult planned = request.plan(repo);
      StackResult result = planned.result();
      out.print(format.render(result));
      out.flush();
      if (base == null) {
        err.println("note: " + planned.revisions());
      }
      result.warnings().forEach(warning -> err.println("warning: " + warning));
      // Never a silent exit 0: every reason the stack may miss units, then exit 1.
      result.incompleteness().forEach(line -> err.println("incomplete: " + line));
      err.flush();
      return result.complete() ? 0 : INCOMPLETE;
    } catch (StackException | IllegalArgumentException e) {
      for (String line : e.getMessage().split("\n")) {
        err.println(line.startsWith(" ") ? line : "error: " + line);
      }
      err.flush();
      return ERROR;
    }
  }

  private DiffMode diffMode() {
    return DiffMode.fromLabel(diff);
  }

  private AccountMapping globalAccounts() throws StackException {
    if (accounts == null) {
      return AccountMapping.EMPTY;
    }
    try {
      return RepoSettings.read(accounts).accounts();
    } catch (SettingsException e) {
      throw new StackException(e.getMessage());
    } catch (IOException e) {
      throw new StackException(accounts + ": cannot read: " + e.getMessage());
    }
  }
}
