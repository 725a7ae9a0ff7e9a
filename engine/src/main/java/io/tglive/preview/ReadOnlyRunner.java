package io.tglive.preview;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandLog;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;

/**
 * A runner that refuses every command that could change infrastructure: a preview runs version
 * checks, plans and shows only (so a runner with account roles uses the plan role), never an
 * apply, whatever a bug upstream asks for.
 */
public final class ReadOnlyRunner implements UnitRunner {

  private final UnitRunner delegate;

  public ReadOnlyRunner(UnitRunner delegate) {
    this.delegate = delegate;
  }

  @Override
  public CommandResult run(CommandSpec command, CommandLog log) throws RunnerException, InterruptedException {
    if (command.kind() == CommandKind.APPLY) {
      throw new RunnerException(command.unit() + ": a preview never applies (refused "
          + String.join(" ", command.argv()) + ")", false);
    }
    return delegate.run(command, log);
  }
}
