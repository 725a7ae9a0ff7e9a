package io.tglive.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.RunnerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadOnlyRunnerTest {

  private final List<CommandKind> ran = new ArrayList<>();
  private final ReadOnlyRunner runner = new ReadOnlyRunner((command, log) -> {
    ran.add(command.kind());
    return new CommandResult(0, "", Duration.ZERO);
  });

  @Test
  void anApplyIsRefusedBeforeItReachesTheRunner() {
    assertThatThrownBy(() -> runner.run(spec(CommandKind.APPLY), line -> {}))
        .isInstanceOf(RunnerException.class)
        .hasMessageStartingWith("net: a preview never applies (refused terragrunt apply");
    assertThat(ran).isEmpty();
  }

  @Test
  void readOnlyCommandsRun() throws Exception {
    for (CommandKind kind : List.of(CommandKind.VERSION, CommandKind.PLAN, CommandKind.SHOW, CommandKind.QUERY)) {
      runner.run(spec(kind), line -> {});
    }
    assertThat(ran).containsExactly(CommandKind.VERSION, CommandKind.PLAN, CommandKind.SHOW, CommandKind.QUERY);
  }

  private static CommandSpec spec(CommandKind kind) {
    return new CommandSpec("net", kind, List.of("terragrunt", kind.name().toLowerCase()), Map.of(), "abc",
        Path.of("/tmp"), Optional.empty(), Duration.ofMinutes(1));
  }
}
