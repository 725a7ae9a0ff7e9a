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
      ConformanceCommand.class,
      GraphCommand.class,
      ReportCommand.class,
      RunCommand.class,
      StackCommand.class,
    })
public final class Tglive {

  /** Exit code for errors: bad arguments, invalid configuration, failures. */
  static final int ERROR = 2;

  /**
   * The command line, configured so that a failing command prints its message (one line per
   * problem) to stderr and exits {@value #ERROR}, never a stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Tglive());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          String message = exception.getMessage();
          printErrors(failed, message == null ? exception.toString() : message);
          return ERROR;
        });
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          CommandLine failed = exception.getCommandLine();
          printErrors(failed, exception.getMessage());
          failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
          failed.getErr().flush();
          return ERROR;
        });
    return commandLine;
  }

  /** Prints each line of a message as an error; indented lines continue the one before. */
  private static void printErrors(CommandLine failed, String message) {
    for (String line : message.split("\n")) {
      failed.getErr().println(line.startsWith(" ") ? line : "error: " + line);
    }
    failed.getErr().flush();
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
