package io.tglive.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner and command keys of an account in {@code .tglive.yaml}, and their rules wherever a mapping is made. */
class RunnerSettingsTest {

  private static final String FILE = ".tglive.yaml";
  private static final String PLAN = "arn:aws:iam::111111111111:role/tglive-plan";
  private static final String APPLY = "arn:aws:iam::111111111111:role/tglive-apply";

  private static String failure(String yaml) {
    try {
      RepoSettings.parse(FILE, yaml);
    } catch (SettingsException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a SettingsException for:\n" + yaml);
  }

  @Test
  void everyRunnerAndCommandKeyIsRead() throws Exception {
    RepoSettings settings = RepoSettings.parse(FILE, """
        accounts:
          - name: prod
            path: prod
            voters: [alice]
            runner: codebuild
            codeBuildProject: tglive-units
            region: eu-west-1
            codeBuildBucket: acme-tglive
            codeBuildPrefix: runs/prod
            planRole: %s
            applyRole: %s
            terragrunt: [aws-vault, exec, prod, --, terragrunt]
            planArgs: ["-lock-timeout=5m", "-parallelism=20"]
            applyArgs: ["-lock-timeout=5m"]
            destroyArgs: ["-var=retain=false"]
            retryOn: ["(?i)connection reset"]
            commandTimeout: PT30M
          - name: dev
            path: dev
            voters: [alice]
            terragrunt: /opt/terragrunt
        """.formatted(PLAN, APPLY));

    RunnerSettings prod = settings.accounts().named("prod").orElseThrow().runner();
    assertThat(prod).isEqualTo(new RunnerSettings(PLAN, APPLY, "tglive-units", "eu-west-1", "codebuild",
        "acme-tglive", "runs/prod", new AccountCommands(List.of("aws-vault", "exec", "prod", "--", "terragrunt"),
            List.of("-lock-timeout=5m", "-parallelism=20"), List.of("-lock-timeout=5m"), List.of("-var=retain=false"),
            List.of("(?i)connection reset"), "PT30M")));
    RunnerSettings dev = settings.accounts().named("dev").orElseThrow().runner();
    assertThat(dev.runnerOrLocal()).isEqualTo("local");
    assertThat(dev.commands().terragrunt()).containsExactly("/opt/terragrunt");
    assertThat(dev.commands().retryOn()).isEmpty();
  }

  @Test
  void anUnknownRunnerIsReportedOnItsLine() {
    assertThat(failure("""
        accounts:
          - name: dev
            path: dev
            runner: ssh
        """)).isEqualTo(".tglive.yaml:4:5: account 'dev': runner 'ssh' is unknown: use local or codebuild");
  }

  @Test
  void theCodeBuildRunnerNeedsProjectRegionAndBucket() {
    assertThat(failure("""
        accounts:
          - name: dev
            path: dev
            runner: codebuild
            region: eu-west-1
        """)).isEqualTo("""
        .tglive.yaml:2:5: account 'dev': runner codebuild needs codeBuildProject
        .tglive.yaml:2:5: account 'dev': runner codebuild needs codeBuildBucket""");
  }

  @Test
  void anApplyRoleWithoutPlanRoleIsRefusedSoPlansNeverRunWithApplyCredentials() {
    assertThat(failure("""
        accounts:
          - name: prod
            path: prod
            applyRole: %s
        """.formatted(APPLY))).isEqualTo(".tglive.yaml:2:5: account 'prod': planRole and applyRole go together:"
        + " plans run with the plan role, applies with the apply role; planRole is missing");
    assertThat(failure("""
        accounts:
          - name: prod
            path: prod
            planRole: %s
            applyRole: %s
        """.formatted(APPLY, APPLY))).contains(".tglive.yaml:4:5:", "the same role");
  }

  @Test
  void badValuesAreReportedWhereTheyAreWritten() {
    String message = failure("""
        accounts:
          - name: prod
            path: prod
            planRole: arn:aws:iam::1:role/plan
            applyRole: %s
            region: Europe
            retryOn: ["(unclosed"]
            commandTimeout: 30 minutes
            planArgs: ["-out=/tmp/other.tfplan"]
            applyArgs: ["-destroy"]
        """.formatted(APPLY));

    assertThat(message.lines()).containsExactly(
        ".tglive.yaml:4:5: account 'prod': planRole 'arn:aws:iam::1:role/plan' is invalid: expected an IAM role ARN"
            + " (arn:aws:iam::<12 digits>:role/<name>)",
        ".tglive.yaml:6:5: account 'prod': region 'Europe' is invalid: expected a region like us-east-1",
        ".tglive.yaml:9:5: account 'prod': planArgs may not contain '-out=/tmp/other.tfplan': tglive sets -out"
            + " itself (plan -input=false -detailed-exitcode -out=<plan>, -destroy for deleted units, apply"
            + " -input=false <approved plan>)",
        ".tglive.yaml:10:5: account 'prod': applyArgs may not contain '-destroy': tglive sets -destroy itself (plan"
            + " -input=false -detailed-exitcode -out=<plan>, -destroy for deleted units, apply -input=false"
            + " <approved plan>)",
        ".tglive.yaml:7:5: account 'prod': retryOn pattern '(unclosed' is not a regular expression: Unclosed group",
        ".tglive.yaml:8:5: account 'prod': commandTimeout '30 minutes' is not an ISO-8601 duration such as PT30M"
            + " or PT2H");
  }

  @Test
  void aMappingMadeElsewhereFollowsTheSameRules() {
    // Jenkins' form and configuration as code build accounts directly: the mapping refuses them the same way.
    Account account = new Account("prod", "prod", List.of("alice"), 1, 1, List.of(),
        new RunnerSettings(PLAN, null, null, null).withRunner("codebuild"));

    assertThatThrownBy(() -> new AccountMapping(List.of(account)))
        .isInstanceOf(InvalidAccountsException.class)
        .hasMessageContaining("account 'prod': planRole and applyRole go together")
        .hasMessageContaining("account 'prod': runner codebuild needs codeBuildProject");
  }

  @Test
  void overridingTheRunnerIsCheckedAgainstTheAccountsSettings() {
    RunnerSettings local = new RunnerSettings(PLAN, APPLY, null, "eu-west-1");

    assertThat(RunnerRules.checkWithRunner(local, "codebuild")).extracting(RunnerRules.Problem::message)
        .containsExactly("runner codebuild needs codeBuildProject", "runner codebuild needs codeBuildBucket");
    assertThat(RunnerRules.checkWithRunner(local, "local")).isEmpty();
  }
}
