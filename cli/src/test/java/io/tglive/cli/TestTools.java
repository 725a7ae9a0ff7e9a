package io.tglive.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the CLI tests find the real terragrunt and OpenTofu: the project's tools convention. */
final class TestTools {

  private TestTools() {}

  /** {@code $TGLIVE_TOOLS_DIR}, else {@code .tools} at the project root (where {@code mvnw} is). */
  static Path dir() {
    String configured = System.getenv("TGLIVE_TOOLS_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir.resolve(".tools");
      }
    }
    return Path.of(".tools").toAbsolutePath();
  }

  /** Whether terragrunt, tofu and the provider mirror's configuration are in {@code tools}. */
  static boolean installed(Path tools) {
    return Files.isExecutable(tools.resolve("bin/terragrunt")) && Files.isExecutable(tools.resolve("bin/tofu"))
        && Files.isRegularFile(tools.resolve("providers/tofurc"));
  }
}
