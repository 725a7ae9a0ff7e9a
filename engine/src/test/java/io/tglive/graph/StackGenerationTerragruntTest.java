package io.tglive.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tglive.config.HclFileCache;
import io.tglive.graph.render.GraphFormat;
import io.tglive.repo.DiskTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code terragrunt} as the oracle for discovery: after {@code terragrunt stack generate}
 * on disk, {@code terragrunt dag graph} prints the units our in-memory generation finds, hidden
 * directories walked, a link loop not followed and a directory holding only {@code
 * terragrunt.hcl.json} not a unit. Terragrunt also lists stack directories as
 * nodes; ours lists units only, so those lines are left out of the comparison. Skipped when the
 * tools are not installed ({@code TGLIVE_TOOLS_DIR}, else {@code .tools} at the repository root,
 * with {@code bin/terragrunt}).
 */
class StackGenerationTerragruntTest {

  @TempDir Path repo;

  private static Path terragrunt() {
    String configured = System.getenv("TGLIVE_TOOLS_DIR");
    Path tools = configured != null && !configured.isEmpty()
        ? Path.of(configured)
        : Path.of("").toAbsolutePath().getParent().resolve(".tools");
    return tools.resolve("bin/terragrunt");
  }

  private void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private String run(Path terragrunt, String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = terragrunt.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    command[command.length - 1] = "--no-color";
    Process process = new ProcessBuilder(command).directory(repo.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", args)).isZero();
    return out;
  }

  @Test
  void ourGenerationFindsTheUnitsTerragruntGenerates() throws Exception {
    Path terragrunt = terragrunt();
    assumeTrue(Files.isExecutable(terragrunt), "terragrunt is not installed at " + terragrunt);
    write("units/vpc/terragrunt.hcl", "terraform {\n  source = \".\"\n}\n");
    write("units/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = values.vpc_path\n  mock_outputs = {}\n}\n");
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
        unit "solo" {
          source = "../units/vpc"
          path   = "solo"
          no_dot_terragrunt_stack = true
        }
        """);
    write(".hidden/x/terragrunt.hcl", "");
    write("json-only/terragrunt.hcl.json", "{}\n");
    Files.createSymbolicLink(repo.resolve("units/up"), Path.of(".."));

    String ours = GraphFormat.DOT.render(
        GraphLoader.load(new DiskTree(repo), LoadOptions.defaults(), new HclFileCache()).graph(), repo);
    run(terragrunt, "stack", "generate");
    String theirs = run(terragrunt, "dag", "graph").lines()
        .filter(line -> !line.equals("\t\"live\" ;"))
        .collect(Collectors.joining("\n", "", "\n"));

    assertThat(ours).isEqualTo(theirs);
    assertThat(ours).contains("\"live/.terragrunt-stack/app\" -> \"live/.terragrunt-stack/vpc\"", "\".hidden/x\"");
  }
}
