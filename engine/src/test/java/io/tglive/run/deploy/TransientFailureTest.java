package io.tglive.run.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.CommandKind;
import io.tglive.run.CommandResult;
import io.tglive.run.RunnerException;
import io.tglive.run.UnitRunner;
import io.tglive.run.gate.NoGate;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunLedger;
import io.tglive.run.state.RunUnit;
import io.tglive.run.state.UnitRecord;
import io.tglive.run.state.UnitStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries of transient failures. The runner is a SCRIPTED STAND-IN for terragrunt that fails with
 * a state-lock timeout or throttling on demand, which the real tools cannot be made to do.
 */
class TransientFailureTest {

  private static final String SHOW = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"a.b\","
      + "\"provider_name\":\"terraform.io/builtin/terraform\",\"change\":{\"actions\":[\"create\"]}}]}";

  @TempDir Path tmp;

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  /** Fails the first {@code failures} runs of {@code failing} with {@code message}, then behaves. */
  private UnitRunner standIn(CommandKind failing, int failures, String message) {
    return (command, log) -> {
      int call = calls.computeIfAbsent(command.unit() + " " + command.kind(), k -> new AtomicInteger()).incrementAndGet();
      if (command.kind() == failing && call <= failures) {
        log.line(message);
        return new CommandResult(1, "", Duration.ZERO);
      }
      return switch (command.kind()) {
        case VERSION -> new CommandResult(0, "terragrunt version v1.1.3", Duration.ZERO);
        case PLAN -> {
          try {
            Files.writeString(command.planFile().orElseThrow(), "plan");
          } catch (java.io.IOException e) {
            throw new RunnerException(e.getMessage(), false, e);
          }
          yield new CommandResult(2, "", Duration.ZERO);
        }
        case SHOW -> new CommandResult(0, SHOW, Duration.ZERO);
        default -> new CommandResult(0, "", Duration.ZERO);
      };
    };
  }

  private Map<String, UnitRecord> deploy(UnitRunner runner) throws Exception {
    Files.createDirectories(tmp.resolve("checkout/u"));
    RunHeader header = new RunHeader("t", tmp.toString(), "b", "b", "h", "h",
        List.of(new RunUnit("u", false, null, List.of(), 0, List.of(), 0, 1)));
    try (RunLedger ledger = RunLedger.create(tmp.resolve("run"), header)) {
      new Deployment(ledger, observer -> runner, new NoGate(), commit -> tmp.resolve("checkout"),
          DeployOptions.defaults(2).withRetry(new RetryPolicy(RetryPolicy.DEFAULT.patterns(), 3, Duration.ofMillis(5))))
          .run();
      return ledger.read(state -> Map.copyOf(state.units()));
    }
  }

  @Test
  void aPlanThatHitsAStateLockTimeoutIsTriedAgain() throws Exception {
    Map<String, UnitRecord> units = deploy(standIn(CommandKind.PLAN, 2,
        "Error: Error acquiring the state lock: ConditionalCheckFailedException"));
    assertThat(units.get("u").status()).isEqualTo(UnitStatus.APPLIED);
    assertThat(calls.get("u PLAN")).hasValue(3);
    assertThat(Files.readString(tmp.resolve("run/logs/u.log"))).contains("transient failure, attempt 2 of 3");
  }

  @Test
  void retriesStopAfterTheLastAttempt() throws Exception {
    Map<String, UnitRecord> units = deploy(standIn(CommandKind.PLAN, 5, "Throttling: Rate exceeded"));
    assertThat(units.get("u").status()).isEqualTo(UnitStatus.FAILED);
    assertThat(calls.get("u PLAN")).hasValue(3);
  }

  @Test
  void aFailedApplyIsNeverRetried() throws Exception {
    Map<String, UnitRecord> units = deploy(standIn(CommandKind.APPLY, 1, "Throttling: Rate exceeded"));
    assertThat(units.get("u").status()).isEqualTo(UnitStatus.FAILED);
    assertThat(units.get("u").message()).startsWith("apply failed (exit 1)");
    assertThat(calls.get("u APPLY")).hasValue(1);
  }

  @Test
  void anOrdinaryPlanErrorIsNotRetried() throws Exception {
    Map<String, UnitRecord> units = deploy(standIn(CommandKind.PLAN, 1, "Error: Unsupported argument"));
    assertThat(units.get("u").status()).isEqualTo(UnitStatus.FAILED);
    assertThat(calls.get("u PLAN")).hasValue(1);
  }
}
