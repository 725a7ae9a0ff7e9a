package io.tglive.run.deploy;

import io.tglive.run.CommandResult;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.terragrunt.CommandSettings;
import io.tglive.run.terragrunt.TerragruntCommands;
import io.tglive.run.terragrunt.TerragruntDialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Learns the installed terragrunt's dialect by running {@code terragrunt --version} once through a runner. */
public final class DialectProbe {

  private DialectProbe() {}

  /** Runs {@code --version} in {@code directory}; a failure to run it is an {@link IOException} naming the command. */
  public static TerragruntDialect detect(UnitRunner runner, CommandSettings settings, Map<String, String> environment,
      Path directory) throws InterruptedException, IOException {
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
