package io.tglive.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoSettingsTest {

  private static final String FILE = ".tglive.yaml";

  private static SettingsException failure(String yaml) {
    try {
      RepoSettings.parse(FILE, yaml);
    } catch (SettingsException e) {
      return e;
    }
    throw new AssertionError("expected a SettingsException for:\n" + yaml);
  }

  @Test
  void fullAccountIsRead() throws Exception {
    RepoSettings settings = RepoSettings.parse(FILE, """
        accounts:
          - name: dev
            path: live/dev/
            voters: [alice, group:platform]
            approvalsRequired: 2
            rejectionsRequired: 1
            planRole: arn:aws:iam::111111111111:role/plan
            applyRole: arn:aws:iam::111111111111:role/apply
            codeBuildProject: tglive-dev
            region: eu-west-1
          - name: prod
            path: live/prod
            voters: [bob]
            dependencies: [dev]
        ignore: ["*.txt"]
        """);

    assertThat(settings.accounts().accounts()).containsExactly(
        new Account("dev", "live/dev", List.of("alice", "group:platform"), 2, 1, List.of(),
            new RunnerSettings("arn:aws:iam::111111111111:role/plan", "arn:aws:iam::111111111111:role/apply",
                "tglive-dev", "eu-west-1")),
        new Account("prod", "live/prod", List.of("bob"), 1, 1, List.of("dev"), RunnerSettings.NONE));
    assertThat(settings.ignore()).containsExactly("*.txt");
  }

  @Test
  void countsDefaultToOneApprovalAndOneRejection() throws Exception {
    Account dev = RepoSettings.parse(FILE, "accounts:\n  - {name: dev, path: live/dev, voters: [alice]}\n")
        .accounts().accounts().get(0);

    assertThat(dev.approvalsRequired()).isEqualTo(1);
    assertThat(dev.rejectionsRequired()).isEqualTo(1);
  }

  @Test
  void ignoreDefaultsWhenAbsent() throws Exception {
    assertThat(RepoSettings.parse(FILE, "accounts: []\n").ignore()).containsExactly("**/*.md", "docs/**");
  }

  @Test
  void emptyFileGivesDefaults() throws Exception {
    assertThat(RepoSettings.parse(FILE, "")).isEqualTo(RepoSettings.defaults());
    assertThat(RepoSettings.parse(FILE, "# nothing yet\n")).isEqualTo(RepoSettings.defaults());
  }

  @Test
  void missingFileGivesDefaults(@TempDir Path repo) throws Exception {
    assertThat(RepoSettings.load(repo)).isEqualTo(RepoSettings.defaults());
  }

  @Test
  void fileAtRepositoryRootIsLoaded(@TempDir Path repo) throws Exception {
    Files.writeString(repo.resolve(".tglive.yaml"), "accounts:\n  - {name: dev, path: live/dev, voters: [a]}\n");

    assertThat(RepoSettings.load(repo).accounts().named("dev")).isPresent();
  }

  @Test
  void loadErrorsNameTheFilePath(@TempDir Path repo) throws Exception {
    Files.writeString(repo.resolve(".tglive.yaml"), "bogus: 1\n");

    assertThatThrownBy(() -> RepoSettings.load(repo))
        .hasMessageStartingWith(repo.resolve(".tglive.yaml") + ":1:1: ");
  }

  @Test
  void unknownTopLevelKeyIsRejectedAtItsLine() {
    assertThat(failure("accounts: []\nnotifications: {}\n").getMessage())
        .isEqualTo(".tglive.yaml:2:1: unknown top-level key 'notifications' (known keys: accounts, ignore)");
  }

  @Test
  void unknownAccountKeyIsRejectedAtItsLine() {
    assertThat(failure("""
        accounts:
          - name: dev
            path: live/dev
            approvers: [alice]
        """).problems()).singleElement().satisfies(p -> {
          assertThat(p.line()).isEqualTo(4);
          assertThat(p.message()).isEqualTo("unknown account key 'approvers' (known keys: name, path, voters, "
              + "approvalsRequired, rejectionsRequired, dependencies, planRole, applyRole, codeBuildProject, region)");
        });
  }

  @Test
  void wrongValueTypeIsNamed() {
    SettingsException e = failure("""
        accounts:
          - name: dev
            path: live/dev
            voters: [alice]
            approvalsRequired: many
        """);

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(5);
      assertThat(p.message()).isEqualTo("'approvalsRequired' must be a whole number");
    });
  }

  @Test
  void fractionalCountIsNotTruncated() {
    assertThat(failure("accounts:\n  - {name: dev, path: live/dev, approvalsRequired: 1.5}\n").problems())
        .singleElement().extracting(SettingsProblem::message).isEqualTo("'approvalsRequired' must be a whole number");
  }

  @Test
  void scalarWhereAListBelongsIsNamed() {
    assertThat(failure("accounts:\n  - name: dev\n    path: live/dev\n    voters: alice\n").problems())
        .singleElement().satisfies(p -> {
          assertThat(p.line()).isEqualTo(4);
          assertThat(p.message()).isEqualTo("'voters' must be a list");
        });
  }

  @Test
  void accountsMustBeAList() {
    assertThat(failure("accounts:\n  dev: live/dev\n").getMessage())
        .isEqualTo(".tglive.yaml:2:3: 'accounts' must be a list of accounts");
  }

  @Test
  void topLevelMustBeAMapping() {
    assertThat(failure("- dev\n").getMessage())
        .isEqualTo(".tglive.yaml:1:1: expected a mapping with the keys accounts, ignore");
  }

  @Test
  void duplicateTopLevelKeyIsRejected() {
    assertThat(failure("accounts: []\naccounts: []\n").problems())
        .singleElement().satisfies(p -> {
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.message()).contains("accounts");
        });
  }

  @Test
  void yamlSyntaxErrorHasLineAndColumn() {
    SettingsException e = failure("accounts:\n  - name: dev\n    path: [live/dev\n");

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(".tglive.yaml");
      assertThat(p.line()).isGreaterThanOrEqualTo(3);
      assertThat(p.message()).doesNotContain("\n").isNotBlank();
    });
  }

  @Test
  void validationProblemsPointAtTheirAccounts() {
    SettingsException e = failure("""
        accounts:
          - name: dev
            path: live/dev
            voters: [alice]
            dependencies: [stage]
          - name: stage
            path: live/dev
            voters: [alice]
            approvalsRequired: 2
            dependencies: [dev]
        """);

    assertThat(e.getMessage().lines()).containsExactly(
        ".tglive.yaml:2:5: account 'dev': cyclic account dependencies: dev -> stage -> dev",
        ".tglive.yaml:6:5: account 'stage': approvalsRequired is 2 but only 1 voter is listed",
        ".tglive.yaml:6:5: account 'stage': path 'live/dev' is already used by account 'dev'");
  }
}
