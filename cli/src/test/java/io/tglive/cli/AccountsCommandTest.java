package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsCommandTest {

  @TempDir Path repo;

  private final TgliveRun tglive = new TgliveRun();

  private int run(String... args) {
    return tglive.execute(args);
  }

  @Test
  void validSettingsPrintAnAlignedTable() throws Exception {
    Files.writeString(repo.resolve(".tglive.yaml"), """
        accounts:
          - name: dev
            path: live/dev
            voters: [alice, group:platform]
            approvalsRequired: 2
          - name: production
            path: live/prod
            voters: [bob]
            dependencies: [dev]
        """);

    int exit = run("accounts", "--repo", repo.toString());

    assertThat(exit).isZero();
    assertThat(tglive.err()).isEmpty();
    assertThat(tglive.out().lines()).containsExactly(
        "NAME        PATH       VOTERS                APPROVALS  REJECTIONS  DEPENDENCIES",
        "dev         live/dev   alice,group:platform  2          1           -",
        "production  live/prod  bob                   1          1           dev");
  }

  @Test
  void invalidSettingsPrintLocatedProblemsAndExitTwo() throws Exception {
    Path file = repo.resolve(".tglive.yaml");
    Files.writeString(file, """
        accounts:
          - name: dev
            path: live/dev
            voters: [alice]
            dependencies: [shared]
          - name: dev
            path: ../elsewhere
            voters: [alice]
        """);

    int exit = run("accounts", "--repo", repo.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(tglive.out()).isEmpty();
    assertThat(tglive.err().lines()).containsExactly(
        file + ":2:5: account 'dev': depends on unknown account 'shared'",
        file + ":6:5: account 'dev': path '../elsewhere' escapes the repository with a '..' segment",
        file + ":6:5: account 'dev': name is already used by account #1");
  }

  @Test
  void yamlSyntaxErrorIsOneLineWithoutStackTrace() throws Exception {
    Files.writeString(repo.resolve(".tglive.yaml"), "accounts: [\n  {name: dev\n");

    int exit = run("accounts", "--repo", repo.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(tglive.err().lines()).singleElement()
        .asString().startsWith(repo.resolve(".tglive.yaml") + ":").doesNotContain("Exception");
  }

  @Test
  void repositoryWithoutSettingsHasNoAccounts() {
    int exit = run("accounts", "--repo", repo.toString());

    assertThat(exit).isZero();
    assertThat(tglive.out()).startsWith("No accounts in ");
  }

  @Test
  void unreadableSettingsExitTwo() throws Exception {
    Files.createDirectory(repo.resolve(".tglive.yaml"));

    int exit = run("accounts", "--repo", repo.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo(repo.resolve(".tglive.yaml") + ":1:1: not a regular file\n");
  }
}
