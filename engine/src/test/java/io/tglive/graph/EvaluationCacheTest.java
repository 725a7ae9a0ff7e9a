package io.tglive.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.config.HclFileCache;
import io.tglive.config.TerragruntEvaluator;
import io.tglive.config.UnitConfig;
import io.tglive.repo.GitTree;
import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationCacheTest {

  private static final String UNIT = """
      locals {
        env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
      }
      terraform {
        source = "../../../modules/m"
      }
      """;

  @TempDir Path dir;

  private final EvaluationCache cache = new EvaluationCache();
  private final HclFileCache files = new HclFileCache();
  private final List<Path> evaluated = new ArrayList<>();

  private UnitConfig evaluate(TestRepo repo, RevCommit commit, String unit) throws Exception {
    GitTree tree = GitTree.of(repo.repository(), commit);
    TerragruntEvaluator evaluator = new TerragruntEvaluator(tree, Map.of(), files);
    return cache.snapshot(tree, Map.of()).evaluate(dir.resolve(unit), directory -> {
      evaluated.add(directory);
      return evaluator.evaluate(directory);
    });
  }

  private TestRepo repo() {
    return TestRepo.init(dir)
        .write("live/env.hcl", "locals {\n  env = \"a\"\n}\n")
        .write("modules/m/main.tf", "")
        .write("live/x/u/terragrunt.hcl", UNIT)
        .write("live/y/u/terragrunt.hcl", UNIT);
  }

  @Test
  void unitWhoseReadsAreUnchangedIsNotEvaluatedAgain() throws Exception {
    try (TestRepo repo = repo()) {
      RevCommit base = repo.commit("base");
      RevCommit head = repo.write("live/y/u/terragrunt.hcl", UNIT + "# edited\n").commit("head");

      UnitConfig atBase = evaluate(repo, base, "live/x/u");
      UnitConfig atHead = evaluate(repo, head, "live/x/u");
      evaluate(repo, base, "live/y/u");
      evaluate(repo, head, "live/y/u");

      assertThat(atHead).isSameAs(atBase);
      assertThat(evaluated).containsExactly(dir.resolve("live/x/u"), dir.resolve("live/y/u"), dir.resolve("live/y/u"));
    }
  }

  @Test
  void changedLocalModuleDirectoryInvalidatesTheEvaluation() throws Exception {
    try (TestRepo repo = repo()) {
      RevCommit base = repo.commit("base");
      RevCommit head = repo.write("modules/m/variables.tf", "").commit("module");

      evaluate(repo, base, "live/x/u");
      evaluate(repo, head, "live/x/u");

      assertThat(evaluated).hasSize(2);
    }
  }

  @Test
  void fileAddedWhereALookupWouldNowFindItInvalidatesTheEvaluation() throws Exception {
    try (TestRepo repo = repo()) {
      RevCommit base = repo.commit("base");
      RevCommit head = repo.write("live/x/env.hcl", "locals {\n  env = \"b\"\n}\n").commit("closer env.hcl");

      evaluate(repo, base, "live/x/u");
      UnitConfig atHead = evaluate(repo, head, "live/x/u");

      assertThat(evaluated).hasSize(2);
      assertThat(atHead.reads()).contains(dir.resolve("live/x/env.hcl"));
    }
  }
}
