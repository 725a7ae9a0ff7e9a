package io.tglive.rollback;

import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.deploy.Checkouts;
import io.tglive.run.deploy.UnitLogs;
import io.tglive.run.terragrunt.TerragruntCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Reads states with {@code terragrunt state pull} in the unit's directory of the head tree (whose
 * dependencies' outputs all exist after the run), logging each query.
 *
 * @param headCommit the change's head commit
 * @param checkouts where commits are checked out
 * @param runner runs the queries
 * @param commands the terragrunt commands of a unit
 * @param logs where the queries' output goes
 */
public record TerragruntStates(String headCommit, Checkouts checkouts, UnitRunner runner,
    Function<String, TerragruntCommands> commands, UnitLogs logs) implements StateReader {

  @Override
  public String pull(String unit) throws IOException, InterruptedException {
    Path directory = checkouts.root(headCommit).resolve(unit);
    CommandSpec command = commands.apply(unit).query(unit, directory, headCommit, List.of("state", "pull"));
    try (UnitLogs.Writer log = logs.open(unit, "$ " + String.join(" ", command.argv()))) {
      CommandResult result = runner.run(command, log);
      log.line("== exit " + result.exitCode() + " after " + result.elapsed().toMillis() + " ms");
      if (result.exitCode() != 0) {
        throw new IOException("unit " + unit + ": state pull failed (exit " + result.exitCode() + "); see "
            + logs.file(unit));
      }
      return result.stdout();
    } catch (RunnerException e) {
      throw new IOException("unit " + unit + ": state pull: " + e.getMessage(), e);
    }
  }
}
