package io.tglive.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorSmokeTest {

  @TempDir Path tmp;

  @Test
  void literalDependencyAndIncludeEdges() throws Exception {
    ConfigFixture repo = new ConfigFixture(tmp);
    repo.file("live/root.hcl", "locals {\n  env = \"dev\"\n}\ndependencies {\n  paths = [\"${get_terragrunt_dir()}/../shared\"]\n}\n");
    repo.unit("live/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\ndependency \"vpc\" {\n  config_path = \"../vpc/\"\n}\n");
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.dependencies()).extracting(DependencyEdge::target)
        .containsExactly(repo.path("live/vpc"), repo.path("live/shared"));
    assertThat(config.includes()).containsExactly(repo.path("live/root.hcl"));
  }
}
