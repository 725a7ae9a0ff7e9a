package io.tglive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tglive conformance}: exit codes 0 (no undocumented divergence), 1 (listed divergences) and
 * 2 (bad input, terragrunt failing). terragrunt is stood in for by a script that prints what the
 * real one prints for the test's repository, so the command's comparison and exit codes are tested
 * without the real tools (the engine's differential tests run the real terragrunt).
 */
class ConformanceCommandTest {

  @TempDir Path dir;

  private final TgliveRun tglive = new TgliveRun();

  private Path repo() throws IOException {
    Path repo = dir.resolve("repo");
    write(repo.resolve("vpc/terragrunt.hcl"), "");
    write(repo.resolve("app/terragrunt.hcl"), "dependency \"vpc\" {\n  config_path = \"../vpc\"\n}\n");
    return repo;
  }

  /** A terragrunt stand-in: prints a version line, or {@code findJson} for find, or fails. */
  private Path terragrunt(String findJson, int findExit) throws IOException {
    Path script = dir.resolve("terragrunt");
    write(script, "#!/bin/sh\n"
        + "if [ \"$1\" = --version ]; then echo 'terragrunt version v1.1.3'; exit 0; fi\n"
        + "echo 'ERROR something failed' >&2\n"
        + "cat <<'EOF'\n" + findJson + "\nEOF\n"
        + "exit " + findExit + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void theSameGraphExitsZero() throws IOException {
    Path terragrunt = terragrunt("""
        [{"type": "unit", "path": "vpc"}, {"type": "unit", "path": "app", "dependencies": ["vpc"]}]""", 0);

    int code = tglive.execute("conformance", "--repo", repo().toString(), "--terragrunt", terragrunt.toString());

    assertThat(code).as(tglive.err()).isZero();
    assertThat(tglive.out()).contains("2 units, 0 documented divergence(s), 0 undocumented");
  }

  @Test
  void anEdgeOnlyTerragruntFindsIsListedAndExitsOne() throws IOException {
    Path terragrunt = terragrunt("""
        [{"type": "unit", "path": "vpc"}, {"type": "unit", "path": "app", "dependencies": ["vpc"]},
         {"type": "unit", "path": "dns", "dependencies": ["app"]}]""", 0);

    int code = tglive.execute("conformance", "--repo", repo().toString(), "--terragrunt", terragrunt.toString());

    assertThat(code).isEqualTo(1);
    assertThat(tglive.out()).contains("UNDOCUMENTED unit only in terragrunt: dns");
  }

  @Test
  void aFailingTerragruntIsAnErrorWithItsMessage() throws IOException {
    Path terragrunt = terragrunt("", 3);

    int code = tglive.execute("conformance", "--repo", repo().toString(), "--terragrunt", terragrunt.toString());

    assertThat(code).isEqualTo(2);
    assertThat(tglive.err()).contains("exited 3: ERROR something failed").doesNotContain("Exception");
  }

  @Test
  void badArgumentsExitTwo() throws IOException {
    Path repo = repo();
    Path terragrunt = terragrunt("[]", 0);

    assertThat(tglive.execute("conformance", "--repo", "", "--terragrunt", terragrunt.toString())).isEqualTo(2);
    assertThat(tglive.err()).contains("--repo : not a directory");
    assertThat(tglive.execute("conformance", "--repo", repo.toString(), "--base", "main",
        "--terragrunt", terragrunt.toString())).isEqualTo(2);
    assertThat(tglive.err()).contains("--base and --head go together");
    assertThat(tglive.execute("conformance", "--repo", repo.toString(), "--terragrunt", dir.resolve("none").toString()))
        .isEqualTo(2);
    assertThat(tglive.err()).contains("not an executable file");
  }
}
