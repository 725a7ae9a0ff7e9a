package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tglive graph}: formats and exit codes 0 (complete), 1 (unresolved) and 2 (errors). */
class GraphCommandTest {

  @TempDir Path repo;

  private final TgliveRun tglive = new TgliveRun();

  private int run(String... args) {
    return tglive.execute(args);
  }

  private void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void twoUnits() throws IOException {
    write("vpc/terragrunt.hcl", "terraform {\n  source = \".\"\n}\n");
    write("app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = \"../vpc\"\n}\n");
  }

  @Test
  void aCompleteGraphPrintsDotAndExitsZero() throws IOException {
    twoUnits();

    int code = run("graph", "--repo", repo.toString());

    assertThat(code).isZero();
    assertThat(tglive.out())
        .isEqualTo("digraph {\n\t\"app\" ;\n\t\"app\" -> \"vpc\";\n\t\"vpc\" ;\n}\n");
    assertThat(tglive.err()).isEmpty();
  }

  @Test
  void everyFormatIsAvailableByName() throws IOException {
    twoUnits();

    assertThat(run("graph", "--repo", repo.toString(), "--format", "json")).isZero();
    assertThat(tglive.out()).startsWith("{").contains("\"order\"");
    assertThat(run("graph", "--repo", repo.toString(), "--format", "mermaid")).isZero();
    assertThat(tglive.out()).contains("graph TD", "u_app --> u_vpc");
    assertThat(run("graph", "--repo", repo.toString(), "--format", "TEXT")).isZero();
    assertThat(tglive.out()).contains("Group 1\n  vpc\nGroup 2\n  app -> vpc\n");
  }

  @Test
  void featureOptionsOverrideFeatureDefaultsInEdges() throws IOException {
    write("vpc/terragrunt.hcl", "terraform {\n  source = \".\"\n}\n");
    write("app/terragrunt.hcl", "feature \"needs_vpc\" {\n  default = false\n}\n"
        + "dependency \"vpc\" {\n  config_path = \"../vpc\"\n  enabled = feature.needs_vpc.value\n}\n");

    assertThat(run("graph", "--repo", repo.toString())).isZero();
    assertThat(tglive.out()).doesNotContain("->");
    assertThat(run("graph", "--repo", repo.toString(), "--feature", "needs_vpc=true")).isZero();
    assertThat(tglive.out()).contains("\"app\" -> \"vpc\";");
    assertThat(run("graph", "--repo", repo.toString(), "--feature", "needs_vpc")).isEqualTo(2);
    assertThat(tglive.err()).contains("--feature needs_vpc: expected NAME=VALUE");
  }

  @Test
  void unresolvedPathsStillPrintTheGraphAndExitOne() throws IOException {
    twoUnits();
    write("dyn/terragrunt.hcl", "dependency \"x\" {\n  config_path = local.missing ? \"../a\" : \"../b\"\n}\n");

    int code = run("graph", "--repo", repo.toString());

    assertThat(code).isEqualTo(1);
    assertThat(tglive.out()).contains("\"dyn\" ;");
    assertThat(tglive.err())
        .contains(repo.resolve("dyn/terragrunt.hcl") + ":2: unresolved dependency path: ")
        .doesNotContain("\tat ");
  }

  @Test
  void unresolvedPathsAreErrorsWhenStrict() throws IOException {
    twoUnits();
    write("dyn/terragrunt.hcl", "dependency \"x\" {\n  config_path = local.missing ? \"../a\" : \"../b\"\n}\n");

    int code = run("graph", "--repo", repo.toString(), "--strict");

    assertThat(code).isEqualTo(2);
    assertThat(tglive.out()).isEmpty();
    assertThat(tglive.err())
        .startsWith("error: " + repo.resolve("dyn/terragrunt.hcl") + ":2: unresolved dependency path: ");
  }

  @Test
  void aCycleIsAnErrorNamingTheCycleWithoutAStackTrace() throws IOException {
    write("a/terragrunt.hcl", "dependency \"b\" {\n  config_path = \"../b\"\n}\n");
    write("b/terragrunt.hcl", "dependencies {\n  paths = [\"../a\"]\n}\n");

    int code = run("graph", "--repo", repo.toString());

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err())
        .startsWith("error: dependency cycle: a -> b -> a\n")
        .contains(repo.resolve("a/terragrunt.hcl") + ":2")
        .doesNotContain("\tat ", "Exception");
  }

  @Test
  void everyBrokenUnitIsReportedOnItsOwnLine() throws IOException {
    write("a/terragrunt.hcl", "dependency \"b\" {\n  config_path = \n");
    write("b/terragrunt.hcl", "locals {\n  x = = 1\n}\n");

    int code = run("graph", "--repo", repo.toString());

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err().lines())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("error: " + repo))
        .anySatisfy(line -> assertThat(line).contains("a/terragrunt.hcl:"))
        .anySatisfy(line -> assertThat(line).contains("b/terragrunt.hcl:2:"));
  }

  @Test
  void aMissingRepositoryIsABadArgument() {
    int code = run("graph", "--repo", repo.resolve("nope").toString());

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: --repo " + repo.resolve("nope") + ": no such directory\n");
    assertThat(tglive.out()).isEmpty();
  }

  @Test
  void anUnknownFormatIsABadArgument() {
    int code = run("graph", "--repo", repo.toString(), "--format", "svg");

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err()).startsWith("error: ").contains("svg").contains("--help");
  }

  @Test
  void aRootConfigurationBecomesAUnitOnRequest() throws IOException {
    write("terragrunt.hcl", "remote_state {\n  backend = \"local\"\n  config = {}\n}\n");
    write("app/terragrunt.hcl", "include {\n  path = find_in_parent_folders()\n}\n");

    assertThat(run("graph", "--repo", repo.toString())).isZero();
    assertThat(tglive.out()).isEqualTo("digraph {\n\t\"app\" ;\n}\n");

    assertThat(run("graph", "--repo", repo.toString(), "--root-config-is-unit")).isZero();
    assertThat(tglive.out()).isEqualTo("digraph {\n\t\".\" ;\n\t\"app\" ;\n}\n");
  }
}
