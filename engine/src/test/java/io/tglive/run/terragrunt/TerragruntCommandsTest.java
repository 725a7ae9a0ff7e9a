package io.tglive.run.terragrunt;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.policy.AccountCommands;
import io.tglive.run.CommandKind;
import io.tglive.run.CommandSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerragruntCommandsTest {

  private final Path dir = Path.of("/repo/live/vpc");
  private final Path plan = Path.of("/run/plans/live__vpc.tfplan");

  @Test
  void planAndApplyUseTheAbsolutePlanFileAndTheAccountsExtraArguments() {
    TerragruntCommands commands = new TerragruntCommands(
        new CommandSettings(List.of("tg-wrapper", "terragrunt"), List.of("-lock-timeout=5m"), List.of("-parallelism=2"),
            Duration.ofMinutes(9)), TerragruntDialect.V1, Map.of("PATH", "/tools/bin"));
    CommandSpec planSpec = commands.plan("live/vpc", dir, "abc", plan, false);
    assertThat(planSpec.argv()).containsExactly("tg-wrapper", "terragrunt", "plan", "-input=false",
        "-detailed-exitcode", "-out=/run/plans/live__vpc.tfplan", "-lock-timeout=5m");
    assertThat(planSpec.kind()).isEqualTo(CommandKind.PLAN);
    assertThat(planSpec.timeout()).isEqualTo(Duration.ofMinutes(9));
    assertThat(planSpec.environment()).containsEntry("TG_NON_INTERACTIVE", "true").containsEntry("PATH", "/tools/bin");
    assertThat(commands.apply("live/vpc", dir, "abc", plan).argv()).containsExactly("tg-wrapper", "terragrunt",
        "apply", "-input=false", "-parallelism=2", "/run/plans/live__vpc.tfplan");
    assertThat(commands.show("live/vpc", dir, "abc", plan).argv()).endsWith("show", "-json",
        "/run/plans/live__vpc.tfplan");
  }

  @Test
  void destroysPlanWithDestroy() {
    TerragruntCommands commands = new TerragruntCommands(CommandSettings.DEFAULT, TerragruntDialect.V1, Map.of());
    assertThat(commands.plan("live/old", dir, "base", plan, true).argv()).contains("-destroy");
  }

  @Test
  void anAccountsSettingsOverTheRunDefaultsAddDestroyArgumentsToDestroyPlansOnly() {
    CommandSettings settings = CommandSettings.DEFAULT.withTimeout(Duration.ofMinutes(20)).forAccount(
        new AccountCommands(List.of(), List.of("-lock-timeout=5m"), List.of(), List.of("-refresh=false"),
            List.of("(?i)connection reset"), null));
    TerragruntCommands commands = new TerragruntCommands(settings, TerragruntDialect.V1, Map.of());

    assertThat(commands.plan("live/old", dir, "base", plan, true).argv()).endsWith("-destroy",
        "-out=/run/plans/live__vpc.tfplan", "-lock-timeout=5m", "-refresh=false");
    assertThat(commands.plan("live/vpc", dir, "head", plan, false).argv()).endsWith("-lock-timeout=5m");
    assertThat(settings.terragrunt()).containsExactly("terragrunt");
    assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(20));
    assertThat(settings.retryOn()).extracting(java.util.regex.Pattern::pattern).containsExactly("(?i)connection reset");
  }

  @Test
  void anAccountsTerragruntAndTimeoutReplaceTheRunDefaults() {
    CommandSettings settings = CommandSettings.DEFAULT.forAccount(
        new AccountCommands(List.of("aws-vault", "exec", "prod", "--", "terragrunt"), null, null, null, null, "PT5M"));

    assertThat(settings.terragrunt()).containsExactly("aws-vault", "exec", "prod", "--", "terragrunt");
    assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theDialectFollowsTheInstalledVersion() {
    assertThat(TerragruntDialect.of("terragrunt version v0.67.16")).isEqualTo(TerragruntDialect.V0);
    assertThat(TerragruntDialect.of("terragrunt version v1.1.3")).isEqualTo(TerragruntDialect.V1);
    assertThat(TerragruntDialect.of("terragrunt version latest")).isEqualTo(TerragruntDialect.V1);
    assertThat(TerragruntDialect.V0.environment()).containsKey("TERRAGRUNT_NON_INTERACTIVE");
  }
}
