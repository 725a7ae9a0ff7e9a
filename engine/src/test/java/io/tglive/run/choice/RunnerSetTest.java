package io.tglive.run.choice;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.policy.RunnerSettings;
import io.tglive.run.CommandKind;
import io.tglive.run.CommandResult;
import io.tglive.run.CommandSpec;
import io.tglive.run.aws.CredentialsSource;
import io.tglive.run.aws.Secrets;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RunnerSetTest {

  private final List<Map<String, String>> environments = new CopyOnWriteArrayList<>();

  private CommandResult record(CommandSpec command) {
    environments.add(command.environment());
    return new CommandResult(0, "", Duration.ZERO);
  }

  private static RunHeader header() {
    return new RunHeader("run-1", "/repo", "main", "a".repeat(40), "pr", "b".repeat(40),
        List.of(new RunUnit("dev/a", false, "dev", List.of(), 0, List.of(), 0, 1)),
        Map.of("dev", RunnerSettings.NONE));
  }

  private static CommandSpec plan() {
    return new CommandSpec("dev/a", CommandKind.PLAN, List.of("terragrunt", "plan"), Map.of("TF_IN_AUTOMATION", "1"),
        "b".repeat(40), Path.of("/repo/dev/a"), Optional.empty(), Duration.ofMinutes(1));
  }

  @Test
  void explicitBaseCredentialsReachALocalAccountWithoutRolesThroughTheEnvironmentAndAreRegisteredAsSecrets()
      throws Exception {
    Secrets secrets = new Secrets();
    RunnerSet.AwsAccess aws = new RunnerSet.AwsAccess(Optional.empty(),
        new CredentialsSource.StaticKeys("AKIAJENKINS", "jenkins-secret-key", Optional.of("jenkins-session-token")),
        secrets);
    List<String> log = new CopyOnWriteArrayList<>();

    try (RunnerSet set = RunnerSet.of(header(), (command, lines) -> record(command), aws)) {
      set.runner().run(plan(), log::add);
    }

    assertThat(environments).singleElement().satisfies(env -> assertThat(env)
        .containsEntry("AWS_ACCESS_KEY_ID", "AKIAJENKINS")
        .containsEntry("AWS_SECRET_ACCESS_KEY", "jenkins-secret-key")
        .containsEntry("AWS_SESSION_TOKEN", "jenkins-session-token")
        .containsEntry("TF_IN_AUTOMATION", "1"));
    assertThat(log).containsExactly("[tglive] plan of dev/a as the base credentials");
    assertThat(secrets.redact("jenkins-secret-key jenkins-session-token")).isEqualTo("**** ****");
  }

  @Test
  void theDefaultChainLeavesALocalAccountWithoutRolesToFindItsOwnCredentials() throws Exception {
    RunnerSet.AwsAccess aws = new RunnerSet.AwsAccess(Optional.empty(), new CredentialsSource.DefaultChain(),
        new Secrets());

    try (RunnerSet set = RunnerSet.of(header(), (command, lines) -> record(command), aws)) {
      set.runner().run(plan(), line -> {});
    }

    assertThat(environments).singleElement().isEqualTo(Map.of("TF_IN_AUTOMATION", "1"));
  }
}
