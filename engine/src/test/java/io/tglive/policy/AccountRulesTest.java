package io.tglive.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

  private static Account account(String name, String path, String... dependencies) {
    return new Account(name, path, List.of("alice", "bob"), 1, 1, List.of(dependencies), null);
  }

  private static List<String> messages(Account... accounts) {
    return AccountRules.check(List.of(accounts)).stream().map(AccountProblem::message).toList();
  }

  @Test
  void validMappingHasNoProblems() {
    assertThat(messages(account("dev", "live/dev"), account("prod", "live/prod", "dev"))).isEmpty();
  }

  @Test
  void unknownDependencyIsNamed() {
    assertThat(messages(account("dev", "live/dev", "shared")))
        .containsExactly("account 'dev': depends on unknown account 'shared'");
  }

  @Test
  void dependencyCycleIsSpelledOut() {
    assertThat(messages(account("dev", "live/dev", "stage"), account("stage", "live/stage", "dev")))
        .containsExactly("account 'dev': cyclic account dependencies: dev -> stage -> dev");
  }

  @Test
  void longerCycleIsReportedOnceFromItsFirstAccount() {
    List<AccountProblem> problems = AccountRules.check(List.of(
        account("shared", "live/shared"),
        account("prod", "live/prod", "dev", "shared"),
        account("dev", "live/dev", "stage"),
        account("stage", "live/stage", "prod")));

    assertThat(problems).containsExactly(new AccountProblem(1,
        "account 'prod': cyclic account dependencies: prod -> dev -> stage -> prod"));
  }

  @Test
  void selfDependencyIsACycle() {
    assertThat(messages(account("dev", "live/dev", "dev")))
        .containsExactly("account 'dev': cyclic account dependencies: dev -> dev");
  }

  @Test
  void twoAccountsWithTheSamePathAreRejected() {
    assertThat(messages(account("dev", "live/dev"), account("dev2", "live/dev/")))
        .containsExactly("account 'dev2': path 'live/dev' is already used by account 'dev'");
  }

  @Test
  void approvalsBeyondTheVotersAreRejected() {
    Account dev = new Account("dev", "live/dev", List.of("alice", "bob"), 3, 1);

    assertThat(messages(dev)).containsExactly("account 'dev': approvalsRequired is 3 but only 2 voters are listed");
  }

  @Test
  void rejectionsBeyondTheVotersAreRejected() {
    Account dev = new Account("dev", "live/dev", List.of("alice"), 1, 2);

    assertThat(messages(dev)).containsExactly("account 'dev': rejectionsRequired is 2 but only 1 voter is listed");
  }

  @Test
  void groupVoterMakesAnyCountReachable() {
    Account dev = new Account("dev", "live/dev", List.of("group:platform"), 5, 3);

    assertThat(messages(dev)).isEmpty();
  }

  @Test
  void noGateNeedsNoVoters() {
    assertThat(messages(new Account("sandbox", "live/sandbox", List.of(), 0, 1))).isEmpty();
  }

  @Test
  void negativeApprovalsAreRejected() {
    Account dev = new Account("dev", "live/dev", List.of("alice"), -1, 1);

    assertThat(messages(dev)).containsExactly("account 'dev': approvalsRequired must be 0 (no gate) or more, not -1");
  }

  @Test
  void rejectionsBelowOneAreRejected() {
    Account dev = new Account("dev", "live/dev", List.of("alice"), 1, 0);

    assertThat(messages(dev)).containsExactly("account 'dev': rejectionsRequired must be at least 1, not 0");
  }

  @Test
  void emptyNameIsReportedByPosition() {
    assertThat(messages(account("dev", "live/dev"), account("  ", "live/prod")))
        .containsExactly("account #2: name is empty");
  }

  @Test
  void duplicateNameIsRejected() {
    assertThat(messages(account("dev", "live/dev"), account("dev", "live/dev2")))
        .containsExactly("account 'dev': name is already used by account #1");
  }

  @Test
  void dotDotSegmentEscapesTheRepository() {
    assertThat(messages(account("dev", "live/../../etc")))
        .containsExactly("account 'dev': path 'live/../../etc' escapes the repository with a '..' segment");
  }

  @Test
  void absolutePathIsRejected() {
    assertThat(messages(account("dev", "/live/dev")))
        .containsExactly("account 'dev': path '/live/dev' is absolute; it must be relative to the repository root");
  }

  @Test
  void backslashOrDrivePathIsRejected() {
    assertThat(messages(account("dev", "C:\\live\\dev"), account("prod", "D:/live/prod")))
        .containsExactly(
            "account 'dev': path 'C:\\live\\dev' must be '/' separated and relative to the repository root",
            "account 'prod': path 'D:/live/prod' must be '/' separated and relative to the repository root");
  }

  @Test
  void duplicateOrBlankVotersAreRejected() {
    assertThat(AccountRules.checkVoters(List.of("alice", "alice"))).contains("voter 'alice' is listed twice");
    assertThat(AccountRules.checkVoters(List.of("alice", " "))).contains("voters contains an empty entry");
    assertThat(AccountRules.checkVoters(List.of("group:"))).contains("voter 'group:' has no group name");
  }

  @Test
  void everyProblemIsCollected() {
    List<AccountProblem> problems = AccountRules.check(List.of(
        new Account("", "../x", List.of(), 2, 0, List.of("nope"), null),
        account("b", "live/b", "b")));

    assertThat(problems).extracting(AccountProblem::accountIndex).containsExactly(0, 0, 0, 0, 0, 1);
    assertThat(problems).extracting(AccountProblem::message).containsExactly(
        "account #1: name is empty",
        "account #1: path '../x' escapes the repository with a '..' segment",
        "account #1: approvalsRequired is 2 but no voters are listed",
        "account #1: rejectionsRequired must be at least 1, not 0",
        "account #1: depends on unknown account 'nope'",
        "account 'b': cyclic account dependencies: b -> b");
  }

  @Test
  void fieldChecksOmitTheAccountNameForFormFields() {
    assertThat(AccountRules.checkName("")).contains("name is empty");
    assertThat(AccountRules.checkPath("live/dev")).isEmpty();
    assertThat(AccountRules.checkApprovalsRequired(2, List.of("alice")))
        .contains("approvalsRequired is 2 but only 1 voter is listed");
    assertThat(AccountRules.checkRejectionsRequired(1, 1, List.of("alice"))).isEmpty();
  }
}
