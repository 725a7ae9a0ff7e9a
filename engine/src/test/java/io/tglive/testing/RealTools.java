package io.tglive.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real terragrunt and OpenTofu that {@code scripts/install-tools} builds, for tests: found in
 * {@code $TGLIVE_TOOLS_DIR} if set, else in {@code <repository root>/.tools}, as {@code
 * bin/terragrunt}, {@code bin/tofu} and {@code providers/tofurc} (a CLI configuration that installs
 * the test providers {@code hashicorp/null} and {@code hashicorp/random} from a local filesystem
 * mirror only). Tests that need them call {@link #assumeInstalled()} first, so they are skipped
 * with a clear message where the tools are absent.
 */
public final class RealTools {

  /** The environment variable naming the tools directory. */
  public static final String TOOLS_DIR_VARIABLE = "TGLIVE_TOOLS_DIR";

  private RealTools() {}

  /** The tools directory: {@code $TGLIVE_TOOLS_DIR}, else {@code .tools} at the repository root. */
  public static Path dir() {
    String configured = System.getenv(TOOLS_DIR_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return repositoryRoot().resolve(".tools");
  }

  /** The terragrunt binary (it may not exist; see {@link #installed()}). */
  public static Path terragrunt() {
    return dir().resolve("bin/terragrunt");
  }

  /** The OpenTofu binary (it may not exist; see {@link #installed()}). */
  public static Path tofu() {
    return dir().resolve("bin/tofu");
  }

  /** The OpenTofu CLI configuration that installs providers from the local mirror only. */
  public static Path cliConfig() {
    return dir().resolve("providers/tofurc");
  }

  /** Whether terragrunt, tofu and the provider configuration are all present. */
  public static boolean installed() {
    return Files.isExecutable(terragrunt())
        && Files.isExecutable(tofu())
        && Files.isRegularFile(cliConfig());
  }

  /** Skips the calling test unless the tools are installed, saying how to install them. */
  public static void assumeInstalled() {
    assumeTrue(
        installed(),
        () -> "real terragrunt/tofu not installed in " + dir()
            + " (run scripts/install-tools, or set " + TOOLS_DIR_VARIABLE + ")");
  }

  /**
   * Environment for running terragrunt offline and unattended: tofu from the tools directory,
   * providers from the local mirror only, no prompts, no colour, no shared provider cache.
   */
  public static Map<String, String> env() {
    return Map.of(
        "TG_TF_PATH", tofu().toString(),
        "TF_CLI_CONFIG_FILE", cliConfig().toString(),
        "TG_NON_INTERACTIVE", "true",
        "TF_IN_AUTOMATION", "1",
        "TG_NO_AUTO_PROVIDER_CACHE_DIR", "true",
        "TG_NO_COLOR", "true",
        "CHECKPOINT_DISABLE", "1");
  }

  /** The repository root: the nearest directory above the working directory holding {@code mvnw}. */
  private static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    return start;
  }
}
