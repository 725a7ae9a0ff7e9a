package io.tglive.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Evaluation of many units that share hierarchy files, including a second snapshot sharing the parse cache. */
class SharedHierarchyEvaluationTest {

  @Test
  void unitsSharingHierarchyFilesEvaluateAlikeInAFreshSnapshotSharingTheParseCache() throws Exception {
    MemoryTree repo = new MemoryTree(Path.of("/repo"));
    repo.file("live/root.hcl", """
        locals {
          account = read_terragrunt_config(find_in_parent_folders("account.hcl"))
          region  = read_terragrunt_config(find_in_parent_folders("region.hcl"))
          env     = read_terragrunt_config(find_in_parent_folders("env.hcl"))
          key     = "${local.account.locals.id}/${local.region.locals.name}/${path_relative_to_include()}"
        }
        inputs = merge(local.account.locals, local.region.locals, local.env.locals)
        """);
    String unit = """
        include "root" {
          path   = find_in_parent_folders("root.hcl")
          expose = true
        }
        locals {
          env = include.root.locals.env.locals.env
        }
        dependency "vpc" {
          config_path = "${get_terragrunt_dir()}/../vpc-${local.env}"
        }
        """;
    List<Path> units = new ArrayList<>();
    for (int a = 0; a < 10; a++) {
      repo.file("live/a" + a + "/account.hcl", "locals {\n  id = \"" + a + "\"\n}\n");
      for (int r = 0; r < 10; r++) {
        repo.file("live/a" + a + "/r" + r + "/region.hcl", "locals {\n  name = \"r" + r + "\"\n}\n");
        for (int e = 0; e < 1; e++) {
          String env = "live/a" + a + "/r" + r + "/e" + e;
          repo.file(env + "/env.hcl", "locals {\n  env = \"e" + e + "\"\n}\n");
          for (int u = 0; u < 10; u++) {
            repo.file(env + "/u" + u + "/terragrunt.hcl", unit);
            units.add(Path.of("/repo", env, "u" + u));
          }
        }
      }
    }
    HclFileCache cache = new HclFileCache();
    // The base and head of a change are two snapshots sharing parses: the second one is evaluated
    // afresh (no cached probes or read results) and must give the same configurations.
    List<UnitConfig> first = evaluateAll(new TerragruntEvaluator(repo, Map.of(), cache), units);
    List<UnitConfig> second = evaluateAll(new TerragruntEvaluator(repo.copy(), Map.of(), cache), units);

    assertThat(second).isEqualTo(first);
    assertThat(second).hasSize(1_000).allSatisfy(c -> assertThat(c.dependencies()).hasSize(1));
    assertThat(second.get(0).reads()).hasSize(5);
    assertThat(second.get(0).dependencies().get(0).target())
        .isEqualTo(Path.of("/repo/live/a0/r0/e0/vpc-e0"));
  }

  private static List<UnitConfig> evaluateAll(TerragruntEvaluator evaluator, List<Path> units) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<UnitConfig>> futures = new ArrayList<>();
      for (Path unit : units) {
        futures.add(pool.submit(() -> evaluator.evaluate(unit)));
      }
      List<UnitConfig> configs = new ArrayList<>();
      for (Future<UnitConfig> f : futures) {
        configs.add(f.get());
      }
      return configs;
    } finally {
      pool.shutdown();
    }
  }
}
