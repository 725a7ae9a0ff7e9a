package io.tglive.cli;

import io.tglive.policy.Account;
import io.tglive.policy.RepoSettings;
import io.tglive.policy.SettingsException;
import io.tglive.policy.SettingsProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tglive accounts}: validates {@code .tglive.yaml} and prints its account mapping. */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description = "Validates .tglive.yaml and prints its accounts as a table.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the settings are valid", "2:the settings file is invalid or unreadable"})
final class AccountsCommand implements Callable<Integer> {

  static final int INVALID = 2;

  private static final List<String> HEADER =
      List.of("NAME", "PATH", "VOTERS", "APPROVALS", "REJECTIONS", "DEPENDENCIES");

  @Spec private CommandSpec spec;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "Repository root holding .tglive.yaml (default: ${DEFAULT-VALUE}).")
  private Path repo;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RepoSettings settings;
    try {
      settings = RepoSettings.load(repo);
    } catch (SettingsException e) {
      e.problems().stream().map(SettingsProblem::toString).forEach(err::println);
      return INVALID;
    } catch (IOException e) {
      err.println(repo.resolve(RepoSettings.FILE_NAME) + ": cannot read: " + e.getMessage());
      return INVALID;
    }
    List<Account> accounts = settings.accounts().accounts();
    if (accounts.isEmpty()) {
      out.println("No accounts in " + repo.resolve(RepoSettings.FILE_NAME) + ".");
    } else {
      printTable(out, accounts);
    }
    return 0;
  }

  private static void printTable(PrintWriter out, List<Account> accounts) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Account a : accounts) {
      rows.add(List.of(
          a.name(),
          a.path().isEmpty() ? "." : a.path(),
          orDash(a.voters()),
          Integer.toString(a.approvalsRequired()),
          Integer.toString(a.rejectionsRequired()),
          orDash(a.dependencies())));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String orDash(List<String> values) {
    return values.isEmpty() ? "-" : String.join(",", values);
  }
}
