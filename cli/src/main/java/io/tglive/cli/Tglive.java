package io.tglive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tglive} command: the engine from a terminal. */
@Command(
    name = "tglive",
    mixinStandardHelpOptions = true,
    version = "tglive 0.1.0",
    description = "Deploys Terragrunt infrastructure-live repositories unit by unit, in dependency order.",
    subcommands = {
      // one line per subcommand; keep sorted
      AccountsCommand.class,
    })
public final class Tglive {

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return new CommandLine(new Tglive()).execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
