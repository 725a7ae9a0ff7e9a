package io.tglive.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.config.ConfigException;
import io.tglive.config.HclFileCache;
import io.tglive.config.TerragruntEvaluator;
import io.tglive.repo.DiskTree;
import io.tglive.repo.GitTree;
import io.tglive.repo.OverlayTree;
import io.tglive.testing.TestRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stacks are generated in memory where {@code terragrunt stack generate} puts them. The expected
 * units of {@link #localSourcesAreGeneratedWhereTerragruntPutsThem} are those {@code terragrunt dag
 * graph} (v1.1.3) printed for the same files after {@code terragrunt stack generate}, less the
 * stack directories, which it lists as components and our graph does not.
 */
class StackGenerationTest {

  @TempDir Path repo;

  private void write(String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void catalog() throws IOException {
    write("units/vpc/terragrunt.hcl", "terraform {\n  source = \".\"\n}\n");
    write("units/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = values.vpc_path\n}\n");
    write("stacks/env/terragrunt.stack.hcl", """
        unit "vpc" {
          source = "../../units/vpc"
          path   = "vpc"
        }
        unit "app" {
          source = "../../units/app"
          path   = "app"
          values = { vpc_path = "../vpc" }
        }
        """);
  }

  /** The {@code terragrunt.values.hcl} that generating one stack file writes into a component. */
  private String generatedValues(String stackFile, String component) throws Exception {
    OverlayTree overlay = new OverlayTree(new DiskTree(repo));
    TerragruntEvaluator evaluator = new TerragruntEvaluator(overlay, Map.of(), new HclFileCache());
    new StackGeneration(overlay, evaluator::evaluateStack).generate(repo.resolve(stackFile));
    return new String(overlay.read(repo.resolve(component).resolve("terragrunt.values.hcl")), StandardCharsets.UTF_8);
  }

  private LoadedGraph load() throws Exception {
    return GraphLoader.load(new DiskTree(repo), LoadOptions.defaults(), new HclFileCache());
  }

  @Test
  void localSourcesAreGeneratedWhereTerragruntPutsThem() throws Exception {
    catalog();
    write("live/dev/terragrunt.stack.hcl", """
        locals {
          env = "dev"
        }
        stack "env" {
          source = "../../stacks/env"
          path   = "env"
        }
        unit "solo" {
          source = "../../units/vpc"
          path   = "solo"
          no_dot_terragrunt_stack = true
        }
        """);

    LoadedGraph loaded = load();

    assertThat(loaded.graph().units()).containsOnlyKeys(
        "live/dev/solo",
        "stacks/env/.terragrunt-stack/app",
        "stacks/env/.terragrunt-stack/vpc",
        "units/app",
        "units/vpc");
    assertThat(loaded.graph().unit("stacks/env/.terragrunt-stack/app").dependencies())
        .containsOnlyKeys("stacks/env/.terragrunt-stack/vpc");
    // The nested stack's relative sources resolve from its generated copy, where nothing is: as
    // for Terragrunt, which fails to generate them, its units are not silently absent but named.
    assertThat(loaded.unresolvedStacks()).extracting(UnresolvedComponent::component)
        .containsExactly("unit \"vpc\"", "unit \"app\"");
    assertThat(loaded.unresolvedStacks().get(0).location().file())
        .isEqualTo(repo.resolve("live/dev/.terragrunt-stack/env/terragrunt.stack.hcl"));
  }

  @Test
  void aGeneratedUnitReadsItsSourceAndItsStackFileSoChangesToThemSelectIt() throws Exception {
    catalog();

    LoadedGraph loaded = load();

    assertThat(loaded.graph().unit("stacks/env/.terragrunt-stack/app").reads()).contains(
        "stacks/env/.terragrunt-stack/app/terragrunt.hcl",
        "stacks/env/.terragrunt-stack/app/terragrunt.values.hcl",
        "units/app/terragrunt.hcl",
        "units/app",
        "stacks/env/terragrunt.stack.hcl");
  }

  @Test
  void aRemoteSourceMakesTheGraphIncompleteAndIsNamed() throws Exception {
    write("live/terragrunt.stack.hcl", """
        unit "vpc" {
          source = "git::https://example.com/modules.git//vpc?ref=v1"
          path   = "vpc"
        }
        """);

    LoadedGraph loaded = load();

    assertThat(loaded.graph().units()).isEmpty();
    assertThat(loaded.unresolvedStacks()).singleElement().hasToString(repo.resolve("live/terragrunt.stack.hcl")
        + ":1: unit \"vpc\": source git::https://example.com/modules.git//vpc?ref=v1 is not a local directory;"
        + " its units cannot be generated offline");
  }

  @Test
  void aSourceThatCannotBeEvaluatedIsNamedToo() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("live/terragrunt.stack.hcl", "unit \"vpc\" {\n  source = values.src\n  path = \"vpc\"\n}\n");

    LoadedGraph loaded = load();

    assertThat(loaded.unresolvedStacks()).singleElement().asString().contains("unit \"vpc\": source is not a known string");
  }

  @Test
  void anAutoincludeBlockIsNamedRatherThanItsEdgesDropped() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("live/terragrunt.stack.hcl", "unit \"vpc\" {\n  source = \"../units/vpc\"\n  path = \"vpc\"\n"
        + "  autoinclude {\n    dependency \"x\" {\n      config_path = \"../x\"\n    }\n  }\n}\n");

    assertThat(load().unresolvedStacks()).singleElement().asString()
        .contains("unit \"vpc\": autoinclude blocks are not generated offline");
  }

  @Test
  void aDisabledComponentGeneratesNothing() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("live/terragrunt.stack.hcl", "unit \"vpc\" {\n  source = \"../units/vpc\"\n  path = \"vpc\"\n  enabled = false\n}\n");

    assertThat(load().graph().units()).containsOnlyKeys("units/vpc");
    assertThat(load().unresolvedStacks()).isEmpty();
  }

  @Test
  void aStaleGeneratedDirectoryOnDiskIsReplacedByTheGeneration() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("live/terragrunt.stack.hcl", "unit \"vpc\" {\n  source = \"../units/vpc\"\n  path = \"vpc\"\n}\n");
    write("live/.terragrunt-stack/old/terragrunt.hcl", "");

    assertThat(load().graph().units()).containsOnlyKeys("units/vpc", "live/.terragrunt-stack/vpc");
  }

  @Test
  void aStackThatGeneratesItselfIsAnErrorNotAnEndlessWalk() throws Exception {
    write("live/terragrunt.stack.hcl", "stack \"again\" {\n  source = \".\"\n  path = \"again\"\n}\n");

    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("stacks nested more than 32 levels deep");
  }

  @Test
  void aPathLeavingTheStackDirectoryIsAnError() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("live/terragrunt.stack.hcl", "unit \"vpc\" {\n  source = \"../units/vpc\"\n  path = \"../../x\"\n}\n");

    assertThatThrownBy(this::load).hasMessageContaining("is outside of the stack directory");
  }

  @Test
  void aUnitSourceWithoutTerragruntHclIsAnError() throws Exception {
    write("units/vpc/main.tf", "");
    write("live/terragrunt.stack.hcl", "unit \"vpc\" {\n  source = \"../units/vpc\"\n  path = \"vpc\"\n}\n");

    assertThatThrownBy(this::load).hasMessageContaining("unit \"vpc\": the source").hasMessageContaining("has no terragrunt.hcl");
  }

  @Test
  void aMisspeltBlockInAStackFileIsAnError() throws Exception {
    write("live/terragrunt.stack.hcl", "unti \"vpc\" {\n}\n");

    assertThatThrownBy(this::load).hasMessageContaining("terragrunt.stack.hcl:1:1: unsupported block type \"unti\"; did you mean \"unit\"?");
  }

  @Test
  void unitPathIsTheAbsoluteDirectoryTheUnitGeneratesTo() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("units/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = values.vpc_path\n}\n");
    write("live/terragrunt.stack.hcl", """
        unit "vpc" {
          source = "../units/vpc"
          path   = "net/../vpc"
        }
        unit "app" {
          source = "../units/app"
          path   = "app"
          values = { vpc_path = unit.vpc.path }
        }
        """);

    LoadedGraph loaded = load();

    assertThat(loaded.graph().dependencies("live/.terragrunt-stack/app")).containsExactly("live/.terragrunt-stack/vpc");
    assertThat(generatedValues("live/terragrunt.stack.hcl", "live/.terragrunt-stack/app"))
        .contains("vpc_path = \"" + repo.resolve("live/.terragrunt-stack/vpc") + "\"");
  }

  @Test
  void stackPathIsWhereANestedStackGenerates() throws Exception {
    String catalog = repo.resolve("units").toString();
    write("units/vpc/terragrunt.hcl", "");
    write("units/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = \"${values.network}/vpc\"\n}\n");
    write("stacks/net/terragrunt.stack.hcl", "unit \"vpc\" {\n  source = \"" + catalog + "/vpc\"\n  path = \"vpc\"\n}\n");
    write("live/terragrunt.stack.hcl", """
        stack "net" {
          source = "../stacks/net"
          path   = "net"
        }
        unit "app" {
          source = "../units/app"
          path   = "app"
          values = { network = "${stack.net.path}/.terragrunt-stack" }
        }
        """);

    assertThat(load().graph().dependencies("live/.terragrunt-stack/app"))
        .containsExactly("live/.terragrunt-stack/net/.terragrunt-stack/vpc");
  }

  @Test
  void unitPathIsUnknownToLocalsAsInTerragrunt() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("live/terragrunt.stack.hcl",
        "locals {\n  p = unit.vpc.path\n}\nunit \"vpc\" {\n  source = \"../units/vpc\"\n  path = \"vpc\"\n}\n");

    assertThatThrownBy(this::load).isInstanceOf(ConfigException.class)
        .hasMessageContaining("terragrunt.stack.hcl:2:").hasMessageContaining("unknown variable \"unit\"");
  }

  @Test
  void aUnitPathThatCannotBeKnownLeavesTheValuesUnknownNotGuessed() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("units/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = values.vpc_path\n}\n");
    write("live/terragrunt.stack.hcl", """
        unit "vpc" {
          source = "../units/vpc"
          path   = get_env("VPC_DIR")
        }
        unit "app" {
          source = "../units/app"
          path   = "app"
          values = { vpc_path = unit.vpc.path }
        }
        """);

    LoadedGraph loaded = load();

    assertThat(loaded.unresolvedStacks()).singleElement().asString().contains("unit \"vpc\": path cannot be evaluated");
    assertThat(loaded.graph().unit("live/.terragrunt-stack/app").dependencies()).isEmpty();
    assertThat(loaded.graph().unit("live/.terragrunt-stack/app").unresolved()).singleElement()
        .satisfies(edge -> assertThat(edge.reason()).contains("unknown"));
  }

  @Test
  void anIncludedStackFileAddsItsBlocksInTheIncludingContext() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("units/app/terragrunt.hcl", "dependency \"vpc\" {\n  config_path = values.vpc_path\n}\n");
    write("common/app.stack.hcl", """
        unit "app" {
          source = "${local.catalog}/app"
          path   = "app"
          values = { vpc_path = unit.vpc.path }
        }
        """);
    write("live/terragrunt.stack.hcl", """
        locals {
          catalog = "../units"
        }
        include {
          path = "../common/app.stack.hcl"
        }
        unit "vpc" {
          source = "${local.catalog}/vpc"
          path   = "vpc"
        }
        """);

    LoadedGraph loaded = load();

    assertThat(loaded.graph().dependencies("live/.terragrunt-stack/app")).containsExactly("live/.terragrunt-stack/vpc");
    // A change to the included file selects the units it declares.
    assertThat(loaded.graph().unit("live/.terragrunt-stack/app").reads()).contains("common/app.stack.hcl");
    assertThat(loaded.graph().unit("live/.terragrunt-stack/vpc").reads()).doesNotContain("common/app.stack.hcl");
  }

  @Test
  void whatTerragruntRejectsInAnIncludedStackFileIsAnError() throws Exception {
    write("units/vpc/terragrunt.hcl", "");
    write("live/terragrunt.stack.hcl", """
        include "common" {
          path = "../common/extra.stack.hcl"
        }
        unit "vpc" {
          source = "../units/vpc"
          path   = "vpc"
        }
        """);

    assertThatThrownBy(this::load).hasMessageContaining("terragrunt.stack.hcl:2:")
        .hasMessageContaining("failed to read include \"common\": " + repo.resolve("common/extra.stack.hcl") + " does not exist");
    write("common/extra.stack.hcl", "locals {\n  x = 1\n}\n");
    assertThatThrownBy(this::load).hasMessageContaining("extra.stack.hcl:1:")
        .hasMessageContaining("must not define locals");
    write("common/extra.stack.hcl", "include \"more\" {\n  path = \"x.hcl\"\n}\n");
    assertThatThrownBy(this::load).hasMessageContaining("must not define nested includes");
    write("common/extra.stack.hcl", "dependency \"x\" {\n  config_path = \"../x\"\n}\n");
    assertThatThrownBy(this::load).hasMessageContaining("extra.stack.hcl:1:1: unsupported block type \"dependency\"");
    write("common/extra.stack.hcl", "unit \"vpc\" {\n  source = \"../units/vpc\"\n  path = \"vpc2\"\n}\n");
    assertThatThrownBy(this::load).hasMessageContaining("extra.stack.hcl:1:")
        .hasMessageContaining("duplicate unit name \"vpc\"; the first is at " + repo.resolve("live/terragrunt.stack.hcl") + ":4");
  }

  @Test
  void anIncludeBlockTakesOnlyAPath() throws Exception {
    write("live/terragrunt.stack.hcl", "include \"c\" {\n  path = \"x.hcl\"\n  expose = true\n}\n");

    assertThatThrownBy(this::load).hasMessageContaining("terragrunt.stack.hcl:3:3: unsupported argument \"expose\" in a include block");
  }

  @Test
  void aCommitAndItsCheckoutGiveTheSameGeneratedGraph() throws Exception {
    try (TestRepo git = TestRepo.init(repo)) {
      catalog();
      RevCommit commit = git.commit("stack");

      LoadedGraph fromGit = GraphLoader.load(GitTree.of(git.repository(), commit), LoadOptions.defaults(), new HclFileCache());

      assertThat(fromGit.graph().units()).isEqualTo(load().graph().units());
      assertThat(fromGit.graph().units()).containsKey("stacks/env/.terragrunt-stack/app");
    }
  }
}
