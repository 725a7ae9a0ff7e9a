package io.tglive.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.config.HclFileCache;
import io.tglive.config.TerragruntEvaluator;
import io.tglive.repo.DiskTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader answers probes for names its walk saw missing without asking the tree, and gets the same graph. */
class GraphLoaderProbesTest {

  @TempDir Path repo;

  private void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @BeforeEach
  void liveRepo() throws IOException {
    write("root.hcl", "locals {\n  env = read_terragrunt_config(find_in_parent_folders(\"env.hcl\"))\n}\n");
    write("prod/env.hcl", "locals {\n  name = \"prod\"\n}\n");
    write("prod/network/vpc/terragrunt.hcl", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n");
    write("prod/network/sg/terragrunt.hcl", """
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        dependency "vpc" {
          config_path = "${dirname(find_in_parent_folders("root.hcl"))}/prod/network/vpc"
        }
        """);
    write("prod/app/terragrunt.hcl", """
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        dependencies {
          paths = [fileexists("${get_terragrunt_dir()}/../network/vpc/terragrunt.hcl") ? "../network/sg" : "../network/vpc"]
        }
        """);
  }

  @Test
  void namesMissingFromListedDirectoriesAreNotProbed() throws Exception {
    RecordingTree tree = new RecordingTree(new DiskTree(repo), directory -> {});

    GraphLoader.load(tree, LoadOptions.defaults(), new HclFileCache());

    assertThat(tree.probed).doesNotContain(
        repo.resolve("prod/network/root.hcl"), repo.resolve("prod/root.hcl"), repo.resolve("prod/network/env.hcl"));
    assertThat(tree.probed).contains(repo.resolve("root.hcl"), repo.resolve("prod/network/vpc/terragrunt.hcl"));
  }

  @Test
  void theGraphIsTheSameAsWhenEveryProbeAsksTheTree() throws Exception {
    DiskTree tree = new DiskTree(repo);
    TerragruntEvaluator unaided = new TerragruntEvaluator(tree, Map.of(), new HclFileCache());

    LoadedGraph withListings = GraphLoader.load(tree, LoadOptions.defaults(), new HclFileCache());
    LoadedGraph withoutListings = GraphLoader.load(tree, LoadOptions.defaults(), unaided::evaluate, LoadProgress.NONE);

    assertThat(withListings.graph().units()).isEqualTo(withoutListings.graph().units());
    assertThat(withListings.graph().units().get("prod/network/sg").dependencies()).containsOnlyKeys("prod/network/vpc");
    assertThat(withListings.graph().units().get("prod/app").dependencies()).containsOnlyKeys("prod/network/sg");
    assertThat(withListings.graph().units().get("prod/app").reads()).contains("prod/env.hcl", "root.hcl");
  }
}
