package io.tglive.run.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.policy.Account;
import io.tglive.policy.AccountMapping;
import io.tglive.policy.RunnerSettings;
import io.tglive.run.state.RunHeader;
import io.tglive.run.state.RunUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnerChoiceTest {

  private static final RunnerSettings PROD_CODEBUILD = new RunnerSettings("arn:aws:iam::111111111111:role/plan",
      "arn:aws:iam::111111111111:role/apply", "tglive-units", "eu-west-1", "codebuild", "acme-tglive", null, null);

  private static final AccountMapping ACCOUNTS = new AccountMapping(List.of(
      new Account("dev", "dev", List.of(), 0, 1, List.of(), RunnerSettings.NONE),
      new Account("prod", "prod", List.of(), 0, 1, List.of(), PROD_CODEBUILD)));

  private static RunUnit unit(String path, String account) {
    return new RunUnit(path, false, account, List.of(), 0, List.of(), 0, 1);
  }

  @Test
  void eachAccountKeepsItsOwnRunnerInAMixedRun() {
    assertThat(RunnerChoice.choose(ACCOUNTS, List.of(unit("dev/a", "dev"), unit("prod/a", "prod"),
        unit("prod/b", "prod"), unit("other", null)), null))
        .containsOnlyKeys("dev", "prod")
        .containsEntry("dev", RunnerSettings.NONE)
        .containsEntry("prod", PROD_CODEBUILD);
  }

  @Test
  void aLocalOverrideRunsEveryAccountLocallyWithItsRolesAndCommands() {
    assertThat(RunnerChoice.choose(ACCOUNTS, List.of(unit("prod/a", "prod")), "local"))
        .containsEntry("prod", PROD_CODEBUILD.withRunner("local"));
  }

  @Test
  void aCodeBuildOverrideNamesEveryAccountAndUnitItCannotServe() {
    assertThatThrownBy(() -> RunnerChoice.choose(ACCOUNTS,
        List.of(unit("dev/a", "dev"), unit("prod/a", "prod"), unit("other", null)), "codebuild"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("""
            account 'dev': runner codebuild needs codeBuildProject (for --runner codebuild)
            account 'dev': runner codebuild needs region (for --runner codebuild)
            account 'dev': runner codebuild needs codeBuildBucket (for --runner codebuild)
            --runner codebuild: other belongs to no account, so no CodeBuild project is configured for it""");
  }

  private static final RunHeader RECORDED = new RunHeader("run-1", "/repo", "main", "a".repeat(40), "pr",
      "b".repeat(40), List.of(unit("dev/a", "dev"), unit("prod/a", "prod"), unit("other", null)),
      Map.of("dev", RunnerSettings.NONE, "prod", PROD_CODEBUILD));

  @Test
  void aStepWithoutOverrideUsesTheSettingsTheRunRecordedForItsAccount() {
    assertThat(RunnerChoice.choose(RECORDED, List.of(unit("prod/a", "prod")), null, "runner: (none)"))
        .containsOnly(Map.entry("prod", PROD_CODEBUILD));
  }

  @Test
  void aStepOverrideIsCheckedAgainstTheRecordedSettingsAndNamedAsTheStepAskedForIt() {
    assertThat(RunnerChoice.choose(RECORDED, List.of(unit("prod/a", "prod")), "local", "runner: 'agent'"))
        .containsOnly(Map.entry("prod", PROD_CODEBUILD.withRunner("local")));
    assertThatThrownBy(() -> RunnerChoice.choose(RECORDED, List.of(unit("other", null)), "codebuild",
        "runner: 'codebuild'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("runner: 'codebuild': other belongs to no account, so no CodeBuild project is configured for it");
    assertThatThrownBy(() -> RunnerChoice.choose(RECORDED, List.of(unit("dev/a", "dev")), "codebuild",
        "runner: 'codebuild'"))
        .hasMessageStartingWith("account 'dev': runner codebuild needs codeBuildProject (for runner: 'codebuild')");
  }
}
