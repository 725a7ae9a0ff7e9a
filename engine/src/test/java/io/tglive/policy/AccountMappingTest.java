package io.tglive.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountMappingTest {

  private static Account account(String name, String path, String... dependencies) {
    return new Account(name, path, List.of("alice"), 1, 1, List.of(dependencies), null);
  }

  @Test
  void aMappingCrossesToAnAgentAndBackIntact() throws Exception {
    AccountMapping mapping = new AccountMapping(List.of(account("dev", "live/dev"),
        new Account("prod", "live/prod", List.of("bob", "group:ops"), 2, 1, List.of("dev"),
            new RunnerSettings("arn:aws:iam::111111111111:role/plan", "arn:aws:iam::111111111111:role/apply", "tf-prod",
                "eu-west-1").withCommands(new AccountCommands(List.of("terragrunt"), List.of("-lock-timeout=5m"),
                List.of(), List.of(), List.of("(?i)reset"), "PT10M")))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(mapping);
    }

    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(mapping);
    }
  }

  @Test
  void unitBelongsToAccountWhosePathIsItsPrefix() {
    AccountMapping mapping = new AccountMapping(List.of(account("dev", "live/dev")));

    assertThat(mapping.accountFor("live/dev/vpc")).map(Account::name).contains("dev");
    assertThat(mapping.accountFor("live/dev")).map(Account::name).contains("dev");
  }

  @Test
  void prefixMatchesWholeSegmentsOnly() {
    AccountMapping mapping = new AccountMapping(List.of(account("dev", "live/dev")));

    assertThat(mapping.accountFor("live/development/vpc")).isEmpty();
  }

  @Test
  void longestPrefixWins() {
    AccountMapping mapping = new AccountMapping(List.of(
        account("live", "live"), account("dev", "live/dev"), account("dev-eu", "live/dev/eu-west-1")));

    assertThat(mapping.accountFor("live/dev/eu-west-1/vpc")).map(Account::name).contains("dev-eu");
    assertThat(mapping.accountFor("live/dev/us-east-1/vpc")).map(Account::name).contains("dev");
    assertThat(mapping.accountFor("live/prod/vpc")).map(Account::name).contains("live");
  }

  @Test
  void unitOutsideEveryAccountHasNone() {
    AccountMapping mapping = new AccountMapping(List.of(account("dev", "live/dev")));

    assertThat(mapping.accountFor("modules/vpc")).isEmpty();
  }

  @Test
  void emptyPathOwnsTheWholeRepository() {
    AccountMapping mapping = new AccountMapping(List.of(account("all", ""), account("dev", "live/dev")));

    assertThat(mapping.accountFor("modules/vpc")).map(Account::name).contains("all");
    assertThat(mapping.accountFor("live/dev/vpc")).map(Account::name).contains("dev");
  }

  @Test
  void pathsAreNormalizedBeforeMatching() {
    Account dev = account("dev", " ./live//dev/ ");
    AccountMapping mapping = new AccountMapping(List.of(dev));

    assertThat(dev.path()).isEqualTo("live/dev");
    assertThat(mapping.accountFor("live/dev/./vpc/")).contains(dev);
  }

  @Test
  void dependencyOrderPutsDependenciesFirstAndOtherwiseKeepsDeclarationOrder() {
    AccountMapping mapping = new AccountMapping(List.of(
        account("prod", "live/prod", "stage"),
        account("shared", "live/shared"),
        account("stage", "live/stage", "dev"),
        account("dev", "live/dev", "shared")));

    assertThat(mapping.dependencyOrder()).extracting(Account::name)
        .containsExactly("shared", "dev", "stage", "prod");
  }

  @Test
  void aMappingThatBreaksTheRulesCannotBeConstructed() {
    assertThatThrownBy(() -> new AccountMapping(List.of(account("dev", "live/dev", "dev"))))
        .isInstanceOf(InvalidAccountsException.class)
        .hasMessage("invalid account mapping: account 'dev': cyclic account dependencies: dev -> dev");
  }

  @Test
  void everyProblemOfAnInvalidMappingIsNamedWithItsAccount() {
    List<Account> accounts = List.of(
        new Account("dev", "live/dev", List.of("alice"), -1, 1, List.of("nowhere"), null),
        new Account("prod", "live/prod", List.of("alice"), 2, 0, List.of(), null));

    assertThatThrownBy(() -> new AccountMapping(accounts))
        .isInstanceOfSatisfying(InvalidAccountsException.class, e -> assertThat(e.problems())
            .extracting(AccountProblem::message).containsExactly(
                "account 'dev': approvalsRequired must be 0 (no gate) or more, not -1",
                "account 'prod': approvalsRequired is 2 but only 1 voter is listed",
                "account 'prod': rejectionsRequired must be at least 1, not 0",
                "account 'dev': depends on unknown account 'nowhere'"))
        .hasMessageStartingWith("invalid account mapping: account 'dev': approvalsRequired must be 0")
        .hasMessageContaining("\n  account 'dev': depends on unknown account 'nowhere'");
  }

  @Test
  void accountIsFoundByName() {
    AccountMapping mapping = new AccountMapping(List.of(account("dev", "live/dev")));

    assertThat(mapping.named("dev")).isPresent();
    assertThat(mapping.named("prod")).isEmpty();
  }

  @Test
  void missingRunnerSettingsMeanNoOverrides() {
    assertThat(account("dev", "live/dev").runner()).isEqualTo(RunnerSettings.NONE);
  }
}
