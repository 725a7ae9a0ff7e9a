package io.tglive.run.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class AccountRunnersTest {

  /** Records what it was asked to run, as "runner: unit kind revision". */
  private static final class Recording implements UnitRunner {
    private final String name;
    private final List<String> calls;

    Recording(String name, List<String> calls) {
      this.name = name;
      this.calls = calls;
    }

    @Override
    public CommandResult run(CommandSpec command, io.tglive.run.CommandLog log) {
      calls.add(name + ": " + command.unit() + " " + command.kind() + " " + command.revision());
      return new CommandResult(0, "", Duration.ZERO);
    }
  }

  private static RunUnit unit(String path, String account, boolean destroy) {
    return new RunUnit(path, destroy, account, List.of(), 0, List.of(), 0, 1);
  }

  private static CommandSpec spec(String unit, CommandKind kind, String revision) {
    return new CommandSpec(unit, kind, List.of("terragrunt"), Map.of(), revision, Path.of("/repo"), Optional.empty(),
        Duration.ofMinutes(1));
  }

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final RunHeader header = new RunHeader("run-1", "/repo", "main", "base-sha", "feature", "head-sha",
      List.of(unit("prod/old", "prod", true), unit("dev/net", "dev", false), unit("tools", null, false)));
  private final AccountRunners runners = new AccountRunners(header,
      Map.of("prod", new Recording("codebuild", calls)), new Recording("local", calls));

  @Test
  void eachUnitsCommandsGoToItsAccountsRunnerAndTheRestRunLocally() throws Exception {
    runners.run(spec("prod/old", CommandKind.PLAN, "base-sha"), line -> {});
    runners.run(spec("dev/net", CommandKind.APPLY, "head-sha"), line -> {});
    runners.run(spec("tools", CommandKind.SHOW, "head-sha"), line -> {});

    assertThat(calls).containsExactly("codebuild: prod/old PLAN base-sha", "local: dev/net APPLY head-sha",
        "local: tools SHOW head-sha");
  }

  @Test
  void theVersionCheckRunsAsACommandOfTheFirstUnitAtItsCommit() throws Exception {
    runners.run(spec("(terragrunt)", CommandKind.VERSION, ""), line -> {});

    assertThat(calls).containsExactly("codebuild: prod/old VERSION base-sha");
  }

  @Test
  void aCommandForAUnitOutsideTheRunIsRefused() {
    assertThatThrownBy(() -> runners.run(spec("elsewhere", CommandKind.PLAN, "head-sha"), line -> {}))
        .isInstanceOf(RunnerException.class).hasMessage("elsewhere is not a unit of this run");
  }
}
