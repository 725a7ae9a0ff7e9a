package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tglive stack}: JSON output and exit codes 0 (complete), 1 (unresolved) and 2 (errors). */
class StackCommandTest {

  @TempDir Path repo;

  private final TgliveRun tglive = new TgliveRun();
  private Git git;
  private RevCommit base;

  @BeforeEach
  void baseCommit() throws Exception {
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    write("vpc/terragrunt.hcl", "terraform {\n  source = \".\"\n}\n");
    write("app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = \"../vpc\"\n}\n");
    write(".tglive.yaml", "accounts:\n  - {name: prod, path: \"\", voters: [alice], approvalsRequired: 1}\n");
    base = commit();
  }

  @AfterEach
  void close() {
    git.close();
  }

  private int run(String... args) {
    return tglive.execute(args);
  }

  private void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private RevCommit commit() throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
        .setSign(false).call();
  }

  @Test
  void jsonListsUnitsWithReasonsPoliciesAndOrder() throws Exception {
    write("vpc/main.tf", "# changed\n");
    RevCommit head = commit();

    int code = run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--format", "json");

    assertThat(code).isZero();
    assertThat(tglive.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(tglive.out());
    assertThat(json.get("base").asText()).isEqualTo(base.name());
    assertThat(json.get("head").asText()).isEqualTo(head.name());
    assertThat(json.get("units")).hasSize(2);
    JsonNode app = json.get("units").get(0);
    assertThat(app.get("path").asText()).isEqualTo("app");
    assertThat(app.get("action").asText()).isEqualTo("apply");
    assertThat(app.get("reasons").toString()).isEqualTo("[\"dependent-of:vpc\"]");
    assertThat(app.get("account").asText()).isEqualTo("prod");
    assertThat(app.get("policy").toString())
        .isEqualTo("{\"voters\":[\"alice\"],\"approvalsRequired\":1,\"rejectionsRequired\":1}");
    assertThat(app.get("dependencies").toString()).isEqualTo("[\"vpc\"]");
    assertThat(app.get("wave").asInt()).isEqualTo(1);
    assertThat(json.get("order").toString()).isEqualTo("[[\"vpc\"],[\"app\"]]");
  }

  @Test
  void outputIsDeterministic() throws Exception {
    write("vpc/main.tf", "# changed\n");
    commit();

    run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--format", "json");
    String first = tglive.out();
    run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--format", "json");

    assertThat(tglive.out()).isEqualTo(first);
  }

  @Test
  void textShowsWavesAndReasons() throws Exception {
    write("vpc/main.tf", "# changed\n");
    commit();

    assertThat(run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main")).isZero();

    assertThat(tglive.out()).contains("wave 0\n└── apply vpc  [prod: 1 approval from alice]\n    reasons: changed\n");
  }

  @Test
  void unresolvedDependencyPathsPrintTheStackAndExitOne() throws Exception {
    write("dyn/terragrunt.hcl", "dependency \"x\" {\n  config_path = local.missing ? \"../a\" : \"../b\"\n}\n");
    commit();

    int code = run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--format", "json");

    assertThat(code).isEqualTo(1);
    assertThat(tglive.out()).contains("\"path\": \"dyn\"");
    assertThat(tglive.err()).contains("dyn/terragrunt.hcl:2 (head): unresolved dependency path").doesNotContain("\tat ");
  }

  @Test
  void aChangedFileNoUnitOwnsOrReadsPrintsTheStackAndExitsOne() throws Exception {
    write("scripts/fmt.sh", "terraform fmt\n");
    commit();

    int code = run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main");

    assertThat(code).isEqualTo(1);
    assertThat(tglive.err()).contains("incomplete: changed file scripts/fmt.sh selects no unit");
  }

  @Test
  void aMissingDependencyTargetExitsOneNamingTheEdge() throws Exception {
    write("app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = \"../vpc\"\n}\ndependency \"db\" {\n  config_path = \"../db\"\n}\n");
    commit();

    int code = run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--format", "json");

    assertThat(code).isEqualTo(1);
    assertThat(tglive.out()).contains("\"missing\": [\n    \"app -> db\"\n  ],\n  \"complete\": false");
    assertThat(tglive.err()).contains("incomplete: missing dependency app -> db: no unit at the target");
  }

  @Test
  void unknownRevisionExitsTwoNamingIt() {
    int code = run("stack", "--repo", repo.toString(), "--base", "main", "--head", "nope");

    assertThat(code).isEqualTo(2);
    assertThat(tglive.out()).isEmpty();
    assertThat(tglive.err()).isEqualTo("error: unknown head revision nope (given)\n");
  }

  @Test
  void deletedUnitStillInUseExitsTwoNamingBoth() throws Exception {
    FileUtils.delete(repo.resolve("vpc").toFile(), FileUtils.RECURSIVE);
    commit();

    int code = run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main");

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: deleted unit vpc is still a dependency of app (").doesNotContain("\tat ");
  }

  @Test
  void changedFilesAreReadFromAFile() throws Exception {
    commit();
    Path list = repo.resolveSibling(repo.getFileName() + "-changed.txt");
    Files.writeString(list, "./app/terragrunt.hcl\n\nREADME.md\n");

    int code = run("stack", "--repo", repo.toString(), "--base", "main", "--head", "main",
        "--changed-files", list.toString(), "--format", "json");

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(tglive.out());
    assertThat(json.get("units")).hasSize(1);
    assertThat(json.get("ignored").toString()).isEqualTo("[\"README.md\"]");
    Files.delete(list);
  }

  @Test
  void badDiffModeExitsTwo() {
    int code = run("stack", "--repo", repo.toString(), "--base", "main", "--head", "main", "--diff", "sideways");

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err()).contains("unknown diff mode 'sideways'");
  }

  @Test
  void aChangedFilesFileThatIsNotUtf8ExitsTwoNamingFileLineAndColumn() throws Exception {
    Path list = repo.resolveSibling(repo.getFileName() + "-latin1.txt");
    Files.write(list, "vpc/main.tf\ncaf\u00e9.tf\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    int code = run("stack", "--repo", repo.toString(), "--base", "main", "--head", "main", "--changed-files", list.toString());

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err()).isEqualTo("error: " + list + ":2:4: not UTF-8: invalid byte 0xE9\n");
    Files.delete(list);
  }

  @Test
  void noDependentsDeploysOnlyTheChangedUnit() throws Exception {
    write("vpc/main.tf", "# changed\n");
    commit();

    int code = run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--no-dependents",
        "--format", "json");

    assertThat(code).isZero();
    assertThat(new ObjectMapper().readTree(tglive.out()).get("units")).hasSize(1);
  }

  @Test
  void accountsFromAFileReplaceThoseOfTheRepository() throws Exception {
    write("vpc/main.tf", "# changed\n");
    commit();
    Path accounts = repo.resolveSibling(repo.getFileName() + "-accounts.yaml");
    Files.writeString(accounts, "accounts:\n  - {name: admin, path: \"\", voters: [bob, carol], approvalsRequired: 2}\n");

    int code = run("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--accounts",
        accounts.toString(), "--format", "json");

    assertThat(code).isZero();
    JsonNode unit = new ObjectMapper().readTree(tglive.out()).get("units").get(0);
    assertThat(unit.get("account").asText()).isEqualTo("admin");
    Files.delete(accounts);
  }

  @Test
  void withoutABaseTheFirstParentIsComparedAndTheChoiceIsNoted() throws Exception {
    assumeTrue(System.getenv("CHANGE_ID") == null, "a pull request build's environment picks its target as the base");
    write("vpc/main.tf", "# changed\n");
    commit();

    int code = run("stack", "--repo", repo.toString(), "--format", "json");

    assertThat(code).isZero();
    assertThat(new ObjectMapper().readTree(tglive.out()).get("units")).hasSize(2);
    assertThat(tglive.err()).isEqualTo("note: base HEAD^ (first parent of the head), head HEAD (the checked-out commit)\n");
  }

  @Test
  void withoutABaseABranchBuildComparesWithThePreviousHeadWhichMustExist() throws Exception {
    assumeTrue(System.getenv("CHANGE_ID") == null, "a pull request build's environment picks its target as the base");
    int code = run("stack", "--repo", repo.toString(), "--previous-head", "0123456789012345678901234567890123456789");

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: no base revision found in this clone; tried 0123456789012345678901234567890123456789"
        + " (head of the previous successful build); fetch more history");
  }
}
