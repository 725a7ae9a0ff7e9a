package io.tglive.run.terragrunt;

import io.tglive.run.CommandResult;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Learns the installed terragrunt's dialect by running {@code terragrunt --version} once. */
public final class TerragruntVersion {

  private TerragruntVersion() {}

  /** Runs {@code --version} with {@code runner} in {@code directory}; an error when it cannot run or fails. */
  public static TerragruntDialect detect(UnitRunner runner, CommandSettings settings, Map<String, String> environment,
      Path directory) throws IOException, InterruptedException {
    try {
      List<String> output = new CopyOnWriteArrayList<>();
      CommandResult version = runner.run(TerragruntCommands.version(settings, environment, directory), output::add);
      if (version.exitCode() != 0) {
        throw new IOException(String.join(" ", settings.terragrunt()) + " --version exited " + version.exitCode()
            + (output.isEmpty() ? "" : ": " + output.get(output.size() - 1)));
      }
      return TerragruntDialect.of(version.stdout());
    } catch (RunnerException e) {
      throw new IOException("cannot run terragrunt: " + e.getMessage(), e);
    }
  }
}
