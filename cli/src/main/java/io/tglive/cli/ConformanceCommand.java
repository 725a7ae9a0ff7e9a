package io.tglive.cli;

import io.tglive.conformance.ConformanceCheck;
import io.tglive.conformance.ConformanceReport;
import io.tglive.conformance.Terragrunt;
import io.tglive.graph.LoadOptions;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tglive conformance}: compares tglive's answers with the real terragrunt's on a repository. */
@Command(
    name = "conformance",
    description = {
      "Compares tglive with the real terragrunt on a repository: units, dependencies, exclusion and run",
      "order (terragrunt find --dag --json), or with --base/--head the units a commit range selects",
      "(terragrunt find --filter '[BASE...HEAD]'). Prints every difference, each either a documented",
      "divergence (docs/conformance.md) or undocumented (a bug)."
    },
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no undocumented divergence",
      "1:undocumented divergences (listed)",
      "2:errors: bad arguments, terragrunt missing or failing"
    })
public final class ConformanceCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--repo", required = true, paramLabel = "DIR", description = "Repository root.")
  private Path repo;

  @Option(names = "--base", paramLabel = "REF", description = "Compare the units this commit range selects (with --head).")
  private String base;

  @Option(names = "--head", paramLabel = "REF", description = "End of the commit range (with --base).")
  private String head;

  @Option(
      names = "--terragrunt",
      paramLabel = "PATH",
      description = "The terragrunt binary. Default: $TGLIVE_TOOLS_DIR/bin/terragrunt if set, else terragrunt on PATH.")
  private Path terragrunt;

  @Option(
      names = "--root-config-is-unit",
      description = "Treat an included terragrunt.hcl without terraform source as a unit (Terragrunt 1.x).")
  private boolean rootConfigIsUnit;

  @Override
  public Integer call() throws Exception {
    if (repo.toString().isEmpty() || !Files.isDirectory(repo)) {
      throw new ParameterException(spec.commandLine(), "--repo " + repo + ": not a directory");
    }
    if ((base == null) != (head == null)) {
      throw new ParameterException(spec.commandLine(), "--base and --head go together");
    }
    Terragrunt oracle = Terragrunt.at(binary());
    LoadOptions options = new LoadOptions(System.getenv(), rootConfigIsUnit, 0);
    ConformanceReport report = base == null
        ? ConformanceCheck.graph(repo, oracle, options)
        : ConformanceCheck.change(repo, base, head, oracle, options);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.render());
    out.flush();
    if (out.checkError()) {
      throw new IllegalStateException("cannot write to standard output");
    }
    return report.conforms() ? 0 : 1;
  }

  private Path binary() {
    if (terragrunt != null) {
      if (!Files.isExecutable(terragrunt)) {
        throw new ParameterException(spec.commandLine(), "--terragrunt " + terragrunt + ": not an executable file");
      }
      return terragrunt;
    }
    String tools = System.getenv("TGLIVE_TOOLS_DIR");
    if (tools != null && !tools.isBlank() && Files.isExecutable(Path.of(tools, "bin", "terragrunt"))) {
      return Path.of(tools, "bin", "terragrunt");
    }
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "terragrunt");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new ParameterException(spec.commandLine(),
        "terragrunt not found: pass --terragrunt PATH, set TGLIVE_TOOLS_DIR or put terragrunt on PATH"
            + " (scripts/install-tools builds it)");
  }
}
