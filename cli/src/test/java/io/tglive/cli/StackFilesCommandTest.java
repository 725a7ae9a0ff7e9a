package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code terragrunt.stack.hcl} in {@code tglive graph} and {@code tglive stack}. */
class StackFilesCommandTest {

  @TempDir Path repo;

  private final TgliveRun tglive = new TgliveRun();
  private Git git;

  @BeforeEach
  void catalog() throws Exception {
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
    write("units/vpc/terragrunt.hcl", "terraform {\n  source = \".\"\n}\n");
    write("units/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = values.vpc_path\n}\n");
    write("live/terragrunt.stack.hcl", """
        unit "vpc" {
          source = "../units/vpc"
          path   = "vpc"
        }
        unit "app" {
          source = "../units/app"
          path   = "app"
          values = { vpc_path = "../vpc" }
        }
        """);
    write("live/other/terragrunt.hcl", "");
    commit();
  }

  @AfterEach
  void close() {
    git.close();
  }

  private void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void commit() throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    git.commit().setMessage("c").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").setSign(false).call();
  }

  @Test
  void generatedUnitsAreInTheGraphWithTheirEdges() {
    int code = tglive.execute("graph", "--repo", repo.toString(), "--format", "text");

    assertThat(code).as(tglive.err()).isEqualTo(1); // units/app alone: values.vpc_path is unknown there
    assertThat(tglive.out()).contains("  live/.terragrunt-stack/app -> live/.terragrunt-stack/vpc\n");
  }

  @Test
  void aChangedStackFileSelectsItsDirectoryAndEverythingBelowAsTerragruntDoes() throws Exception {
    write("live/terragrunt.stack.hcl", Files.readString(repo.resolve("live/terragrunt.stack.hcl")) + "# touched\n");
    commit();

    tglive.execute("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--format", "json");

    assertThat(tglive.out())
        .contains("\"live/.terragrunt-stack/app\"", "\"live/.terragrunt-stack/vpc\"", "\"live/other\"")
        .doesNotContain("\"units/vpc\"");
  }

  @Test
  void anyChangeInAUnitSourceSelectsTheUnitsGeneratedFromIt() throws Exception {
    write("units/vpc/main.tf", "# new\n");
    commit();

    tglive.execute("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main", "--format", "json");

    assertThat(tglive.out()).contains("\"live/.terragrunt-stack/vpc\"", "\"units/vpc\"");
  }

  @Test
  void aRemoteSourceMakesTheStackIncompleteAndNamesTheComponent() throws Exception {
    write("live/terragrunt.stack.hcl", """
        unit "vpc" {
          source = "git::https://example.com/modules.git//vpc"
          path   = "vpc"
        }
        """);
    commit();

    int code = tglive.execute("stack", "--repo", repo.toString(), "--base", "main~1", "--head", "main");

    assertThat(code).isEqualTo(1);
    assertThat(tglive.err()).contains(
        "incomplete: live/terragrunt.stack.hcl:1 (head): unresolved dependency path unit \"vpc\": source "
            + "git::https://example.com/modules.git//vpc is not a local directory");
  }
}
