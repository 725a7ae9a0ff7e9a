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
    assertThat(failure("accounts: []\nnotification: {}\n").getMessage())
        .isEqualTo(".tglive.yaml:2:1: unknown top-level key 'notification' (known keys: accounts, ignore, notifications)");
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
              + "approvalsRequired, rejectionsRequired, dependencies, planRole, applyRole, codeBuildProject, region, runner, "
              + "codeBuildBucket, codeBuildPrefix, terragrunt, planArgs, applyArgs, destroyArgs, retryOn, commandTimeout, "
              + "allowSelfApproval, destroyApprovalsRequired, newProviderApprovalsRequired, gateTimeout, rollbackVoters, rollbackApprovalsRequired, rollbackRejectionsRequired)");
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
      assertThat(p.message()).isEqualTo("'approvalsRequired' must be a whole number, not 'many'");
    });
  }

  @Test
  void fractionalCountIsNotTruncated() {
    assertThat(failure("accounts:\n  - {name: dev, path: live/dev, approvalsRequired: 1.5}\n").problems())
        .singleElement().extracting(SettingsProblem::message)
        .isEqualTo("'approvalsRequired' must be a whole number, not '1.5'");
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
        .isEqualTo(".tglive.yaml:1:1: expected a mapping with the keys accounts, ignore, notifications");
  }

  @Test
  void duplicateTopLevelKeyIsRejected() {
    assertThat(failure("accounts: []\naccounts: []\n").problems())
        .singleElement().satisfies(p -> {
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.message()).isEqualTo("duplicate key 'accounts'");
        });
  }

  @Test
  void yamlSyntaxErrorSaysTheYamlProblemAndWhereItsConstructStarted() {
    SettingsException e = failure("accounts:\n  - name: dev\n    path: [live/dev\n");

    assertThat(e.getMessage()).isEqualTo(".tglive.yaml:4:1: expected ',' or ']', but got <stream end>"
        + " (while parsing a flow sequence started at line 3, column 11) in 'path'");
  }

  @Test
  void tabIndentationIsReportedAsTheYamlProblemAtItsColumn() {
    assertThat(failure("accounts:\n\t- name: dev\n").getMessage())
        .isEqualTo(".tglive.yaml:2:1: found character '\\t(TAB)' that cannot start any token."
            + " (Do not use \\t(TAB) for indentation) (while scanning for the next token) in 'accounts'");
  }

  @Test
  void aliasesResolveToTheAnchoredValueNotToTheAnchorsName() throws Exception {
    RepoSettings settings = RepoSettings.parse(FILE, """
        accounts:
          - name: dev
            path: live/dev
            voters: [&lead alice, bob]
          - name: prod
            path: live/prod
            voters: [*lead, carol]
        """);

    assertThat(settings.accounts().named("prod").orElseThrow().voters()).containsExactly("alice", "carol");
  }

  @Test
  void anchoredListsAndMergeKeysAreExpanded() throws Exception {
    RepoSettings settings = RepoSettings.parse(FILE, """
        accounts:
          - &dev
            name: dev
            path: live/dev
            voters: &leads [alice, bob]
            approvalsRequired: 2
          - <<: *dev
            name: prod
            path: live/prod
            dependencies: [dev]
        ignore: *leads
        """);

    assertThat(settings.accounts().named("prod").orElseThrow()).isEqualTo(
        new Account("prod", "live/prod", List.of("alice", "bob"), 2, 1, List.of("dev"), RunnerSettings.NONE));
    assertThat(settings.ignore()).containsExactly("alice", "bob");
  }

  @Test
  void anAliasBombIsRefusedBeforeItIsExpanded() {
    StringBuilder yaml = new StringBuilder("x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level <= 9; level++) {
      String previous = "*x" + (level - 1);
      yaml.append("x").append(level).append(": &x").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
    }

    assertThat(failure(yaml.toString()).getMessage()).isEqualTo(".tglive.yaml:1:1: more than "
        + SettingsParser.MAX_COLLECTION_ALIASES + " aliases of lists or mappings: refused rather than expanded"
        + " (an alias bomb?)");
  }

  @Test
  void aMappingMergedIntoItselfIsAnErrorNotARecursion() {
    assertThat(failure("accounts:\n  - &dev\n    name: dev\n    <<: *dev\n").getMessage())
        .isEqualTo(".tglive.yaml:2:5: '<<' merges a mapping into itself");
  }

  @Test
  void aListThatContainsItselfIsAnErrorNotARecursion() {
    assertThat(failure("accounts:\n  - name: dev\n    voters: &v [alice, *v]\n").getMessage())
        .isEqualTo(".tglive.yaml:3:13: 'voters' must be a single value, not a list");
  }

  @Test
  void anUndefinedAliasIsNamed() {
    assertThat(failure("accounts:\n  - {name: dev, path: live/dev, voters: [*lead]}\n").getMessage())
        .isEqualTo(".tglive.yaml:2:42: found undefined alias lead in 'voters'");
  }

  @Test
  void invalidUtf8IsNamedWithFileLineAndColumn() {
    byte[] content = "accounts:\n  - name: d\u00e9v\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> RepoSettings.parse(FILE, content))
        .hasMessage(".tglive.yaml:2:12: not UTF-8: invalid byte 0xE9");
  }

  @Test
  void aUtf8ByteOrderMarkIsAccepted() throws Exception {
    byte[] content = "\uFEFFaccounts: []\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(RepoSettings.parse(FILE, content)).isEqualTo(RepoSettings.defaults());
  }

  @Test
  void aSettingsPathThatIsNotARegularFileIsAnError(@TempDir Path repo) throws Exception {
    Files.createDirectory(repo.resolve(FILE));

    assertThatThrownBy(() -> RepoSettings.load(repo)).hasMessage(repo.resolve(FILE) + ":1:1: not a regular file");
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
