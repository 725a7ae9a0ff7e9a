package io.tglive.cli;

import io.tglive.report.ControlCharacters;
import java.io.PrintWriter;
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
      ApproveCommand.class,
      ConformanceCommand.class,
      GatesCommand.class,
      GraphCommand.class,
      PreviewCommand.class,
      QueueCommand.class,
      ReportCommand.class,
      RollbackCommand.class,
      RunCommand.class,
      StackCommand.class,
    })
public final class Tglive {

  /** Exit code for errors: bad arguments, invalid configuration, failures. */
  static final int ERROR = 2;

  /**
   * The command line, configured so that a failing command prints its message (one line per
   * problem, control characters escaped) to stderr and exits {@value #ERROR}, never a stack trace:
   * also when the JVM runs out of stack or heap, or standard output cannot be written.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Tglive());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionStrategy(Tglive::executeGuarded);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          String message = exception.getMessage();
          boolean ours = exception instanceof Exception && !(exception instanceof RuntimeException)
              || exception instanceof IllegalArgumentException;
          printErrors(failed, message == null || message.isBlank()
              ? "internal error: " + exception
              : ours ? message : "internal error: " + message);
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

  /**
   * Runs the command; a {@link StackOverflowError} or {@link OutOfMemoryError} becomes one error
   * line and exit {@value #ERROR}, and so does output that could not be written (a full disk, a
   * closed descriptor), which {@link PrintWriter} would otherwise swallow.
   */
  private static int executeGuarded(CommandLine.ParseResult parseResult) {
    CommandLine command = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
    int code;
    try {
      code = new CommandLine.RunLast().execute(parseResult);
    } catch (StackOverflowError e) {
      printErrors(command, "the input is nested too deeply to process (stack overflow)");
      return ERROR;
    } catch (OutOfMemoryError e) {
      printErrors(command, "out of memory; give the JVM more heap, for example TGLIVE_JAVA_OPTS=-Xmx4g");
      return ERROR;
    }
    PrintWriter out = command.getOut();
    if (out.checkError()) {
      printErrors(command, "cannot write to standard output");
      return ERROR;
    }
    return code;
  }

  /** Prints each line of a message as an error; indented lines continue the one before. */
  private static void printErrors(CommandLine failed, String message) {
    for (String line : message.split("\n")) {
      String printable = ControlCharacters.escape(line);
      failed.getErr().println(printable.startsWith(" ") ? printable : "error: " + printable);
    }
    failed.getErr().flush();
  }

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    int code = commandLine().execute(args);
    if (System.out.checkError()) {
      System.err.println("error: cannot write to standard output");
      return ERROR;
    }
    return code;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
