package io.jenkins.plugins.tglive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;

import hudson.util.FormValidation;
import io.tglive.policy.Account;
import io.tglive.policy.AccountCommands;
import io.tglive.policy.RunnerSettings;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;

class AccountConfigTest {

  // Descriptor's constructor needs a running Jenkins; the doCheck methods use no descriptor state.
  private final AccountConfig.DescriptorImpl descriptor = mock(AccountConfig.DescriptorImpl.class, CALLS_REAL_METHODS);

  private MockedStatic<FormValidation> validation;

  @BeforeEach
  void mockFormValidation() {
    validation = mockStatic(FormValidation.class);
  }

  @AfterEach
  void closeMock() {
    validation.close();
  }

  @Test
  void convertsToTheEngineAccount() {
    AccountConfig config = new AccountConfig(" dev ", "live/dev/");
    config.setVoters(Arrays.asList("alice", " ", null, " group:platform "));
    config.setApprovalsRequired(2);
    config.setRejectionsRequired(1);
    config.setDependencies(List.of("shared"));
    config.setPlanRole("arn:plan");
    config.setApplyRole(" ");
    config.setCodeBuildProject("tglive-dev");
    config.setRegion("eu-west-1");
    config.setRunner(" codebuild ");
    config.setCodeBuildBucket("acme-tglive");
    config.setCodeBuildPrefix(" ");
    config.setTerragrunt(List.of("aws-vault", "exec", "dev", "--", "terragrunt"));
    config.setPlanArgs(Arrays.asList("-lock-timeout=5m", " "));
    config.setApplyArgs(List.of("-lock-timeout=5m"));
    config.setDestroyArgs(List.of("-var=retain=false"));
    config.setRetryOn(List.of("(?i)connection reset"));
    config.setCommandTimeout("PT30M");

    assertThat(config.toAccount()).isEqualTo(new Account("dev", "live/dev", List.of("alice", "group:platform"), 2, 1,
        List.of("shared"), new RunnerSettings("arn:plan", null, "tglive-dev", "eu-west-1", "codebuild", "acme-tglive",
            null, new AccountCommands(List.of("aws-vault", "exec", "dev", "--", "terragrunt"),
                List.of("-lock-timeout=5m"), List.of("-lock-timeout=5m"), List.of("-var=retain=false"),
                List.of("(?i)connection reset"), "PT30M"))));
  }

  @Test
  void anUnknownRunnerIsAnError() {
    descriptor.doCheckRunner("ssh");

    validation.verify(() -> FormValidation.error("runner 'ssh' is unknown: use local or codebuild"));
  }

  @Test
  void theCodeBuildRunnerIsOk() {
    descriptor.doCheckRunner("codebuild");

    validation.verify(FormValidation::ok);
  }

  @Test
  void aRetryPatternThatIsNoRegularExpressionIsAnError() {
    descriptor.doCheckRetryOn("(?i)reset\n(unclosed");

    validation.verify(() -> FormValidation.error(
        "retryOn pattern '(unclosed' is not a regular expression: Unclosed group"));
  }

  @Test
  void aCommandTimeoutThatIsNoDurationIsAnError() {
    descriptor.doCheckCommandTimeout("30 minutes");

    validation.verify(() -> FormValidation.error(
        "commandTimeout '30 minutes' is not an ISO-8601 duration such as PT30M or PT2H"));
  }

  @Test
  void defaultsToOneApprovalAndOneRejectionWithoutRunnerOverrides() {
    Account account = new AccountConfig("dev", "live/dev").toAccount();

    assertThat(account.approvalsRequired()).isEqualTo(1);
    assertThat(account.rejectionsRequired()).isEqualTo(1);
    assertThat(account.runner()).isEqualTo(RunnerSettings.NONE);
  }

  @Test
  void listFieldsAreShownOnePerLine() {
    AccountConfig config = new AccountConfig("dev", "live/dev");
    config.setVoters(List.of("alice", "bob"));

    assertThat(config.getVotersText()).isEqualTo("alice\nbob");
    assertThat(config.getDependenciesText()).isEmpty();
  }

  @Test
  void emptyNameIsAnError() {
    descriptor.doCheckName(" ");

    validation.verify(() -> FormValidation.error("name is empty"));
  }

  @Test
  void validNameIsOk() {
    descriptor.doCheckName("dev");

    validation.verify(FormValidation::ok);
  }

  @Test
  void pathEscapingTheRepositoryIsAnError() {
    descriptor.doCheckPath("../prod");

    validation.verify(() -> FormValidation.error("path '../prod' escapes the repository with a '..' segment"));
  }

  @Test
  void relativePathIsOk() {
    descriptor.doCheckPath("live/dev");

    validation.verify(FormValidation::ok);
  }

  @Test
  void votersAreCheckedLineByLine() {
    descriptor.doCheckVoters("alice\nbob\nalice\n");

    validation.verify(() -> FormValidation.error("voter 'alice' is listed twice"));
  }

  @Test
  void approvalsBeyondTheVotersLinesAreAnError() {
    descriptor.doCheckApprovalsRequired(3, "alice\n\nbob");

    validation.verify(() -> FormValidation.error("approvalsRequired is 3 but only 2 voters are listed"));
  }

  @Test
  void approvalsWithAGroupVoterAreOk() {
    descriptor.doCheckApprovalsRequired(3, "group:platform");

    validation.verify(FormValidation::ok);
  }

  @Test
  void rejectionsBelowOneAreAnError() {
    descriptor.doCheckRejectionsRequired(0, 1, "alice");

    validation.verify(() -> FormValidation.error("rejectionsRequired must be at least 1, not 0"));
  }

  @Test
  void rejectionsWithoutAGateAreOk() {
    descriptor.doCheckRejectionsRequired(2, 0, "");

    validation.verify(FormValidation::ok);
  }
}
