package io.tglive.run.choice;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandLog;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The runner of a run that mixes accounts: each unit's commands go to its account's runner. The one
 * {@code terragrunt --version} of a run goes to the runner of the first unit, as a command of that
 * unit at its commit, so a run whose units all run remotely needs no terragrunt where tglive runs.
 */
public final class AccountRunners implements UnitRunner {

  private final Map<String, UnitRunner> byUnit = new HashMap<>();
  private final UnitRunner outside;
  private final RunUnit first;
  private final String firstCommit;

  /**
   * @param header the run: its units and their accounts
   * @param byAccount the runner of each account named by a unit
   * @param outside the runner of units outside every account
   */
  public AccountRunners(RunHeader header, Map<String, UnitRunner> byAccount, UnitRunner outside) {
    for (RunUnit unit : header.units()) {
      byUnit.put(unit.path(), unit.account() == null ? outside : byAccount.getOrDefault(unit.account(), outside));
    }
    this.outside = outside;
    this.first = header.units().isEmpty() ? null : header.units().get(0);
    this.firstCommit = first == null ? null : first.destroy() ? header.baseCommit() : header.headCommit();
  }

  @Override
  public CommandResult run(CommandSpec command, CommandLog log) throws RunnerException, InterruptedException {
    if (command.kind() == CommandKind.VERSION) {
      if (first == null) {
        return outside.run(command, log);
      }
      return byUnit.get(first.path()).run(new CommandSpec(first.path(), command.kind(), command.argv(),
          command.environment(), firstCommit, command.workingDirectory(), command.planFile(), command.timeout()), log);
    }
    UnitRunner runner = byUnit.get(command.unit());
    if (runner == null) {
      throw new RunnerException(command.unit() + " is not a unit of this run", false);
    }
    return runner.run(command, log);
  }
}
