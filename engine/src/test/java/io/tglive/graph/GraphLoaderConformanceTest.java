package io.tglive.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.config.HclFileCache;
import io.tglive.config.UnresolvedEdge;
import io.tglive.graph.render.DotRenderer;
import io.tglive.repo.DiskTree;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of Terragrunt's own tests and docs, on fixture repositories under {@code
 * src/test/resources/conformance}, loaded with the real evaluator.
 */
class GraphLoaderConformanceTest {

  private static Path fixture(String name) {
    try {
      return Path.of(Objects.requireNonNull(GraphLoaderConformanceTest.class.getResource("/conformance/" + name)).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  private static LoadedGraph load(String name, LoadOptions options) throws Exception {
    return GraphLoader.load(new DiskTree(fixture(name)), options, new HclFileCache());
  }

  private static UnitGraph graph(String name) throws Exception {
    return load(name, LoadOptions.defaults()).graph();
  }

  @Test
  void graphDependenciesPrintsTerragruntsDotByteForByte() throws Exception {
    assertThat(DotRenderer.render(graph("graph-dependencies")))
        .isEqualTo(
            TerragruntDot.GRAPH_DEPENDENCIES);
  }

  @Test
  void graphDependenciesRunsInTerragruntsGroupsAndDestroysInReverse() throws Exception {
    UnitGraph graph = graph("graph-dependencies");

    assertThat(graph.runOrder())
        .containsExactly(List.of("vpc"), List.of("mysql", "redis"), List.of("backend-app"), List.of("frontend-app"));
    assertThat(graph.destroyOrder())
        .containsExactly(List.of("frontend-app"), List.of("backend-app"), List.of("mysql", "redis"), List.of("vpc"));
  }

  @Test
  void findDagMixesDependencyAndDependenciesBlocksInTerragruntsOrder() throws Exception {
    UnitGraph graph = graph("find-dag");

    assertThat(graph.runOrder().stream().flatMap(List::stream))
        .containsExactly("b-dependency", "a-dependent", "d-dependencies-only", "c-mixed-deps");
    assertThat(graph.dependencies("c-mixed-deps")).containsExactly("a-dependent", "d-dependencies-only");
    assertThat(graph.dependencies("d-dependencies-only")).containsExactly("a-dependent");
  }

  @Test
  void anExternalDependencyIsAnEdgeToADotDotPathAndAMissingNode() throws Exception {
    UnitGraph graph = graph("internal-v-external/internal");

    assertThat(graph.units()).containsOnlyKeys("a-dependent", "b-dependency");
    assertThat(graph.unit("a-dependent").dependencies()).containsOnlyKeys("../external/c-dependency", "b-dependency");
    assertThat(graph.missing()).containsExactly(Map.entry("../external/c-dependency", new TreeSet<>(Set.of("a-dependent"))));
    assertThat(DotRenderer.render(graph)).contains("\t\"a-dependent\" -> \"../external/c-dependency\";\n");
  }

  @Test
  void edgesDeclaredOnlyInSeveralIncludesResolveFromTheIncludedFilesDirectory() throws Exception {
    UnitGraph graph = graph("multiinclude-dependency");

    assertThat(graph.units()).containsOnlyKeys(".", "depa", "depb", "depc", "main");
    assertThat(graph.dependencies("main")).containsExactly("depa", "depb", "depc");
    assertThat(graph.unit("main").reads()).contains("depa.hcl", "depb.hcl", "depc.hcl", "main/terragrunt.hcl");
  }

  @Test
  void anUnresolvableConfigPathIsReportedWithItsLineAndNeverGuessed() throws Exception {
    UnitGraph graph = graph("dynamic-config-path");

    assertThat(graph.dependencies("unit")).isEmpty();
    assertThat(graph.missing()).isEmpty();
    List<UnresolvedEdge> unresolved = graph.unit("unit").unresolved();
    assertThat(unresolved).hasSize(1);
    assertThat(unresolved.get(0).location().line()).isEqualTo(2);
    assertThat(unresolved.get(0).location().file()).isEqualTo(fixture("dynamic-config-path").resolve("unit/terragrunt.hcl"));
    assertThat(unresolved.get(0).expression()).contains("read_terragrunt_config(\"does-not-exist.hcl\")");
  }

  @Test
  void aDependencyBlockInsideAReadConfigurationIsNotAnEdge() throws Exception {
    UnitGraph graph = graph("read-terragrunt-config");

    assertThat(graph.units()).containsOnlyKeys(".", "module");
    assertThat(graph.dependencies(".")).isEmpty();
    assertThat(graph.unit(".").reads()).contains("common_deps.hcl", "terragrunt.hcl");
  }

  @Test
  void unitsWithAnExcludeBlockAreDrawnPlainAsTerragrunt113Does() throws Exception {
    assertThat(DotRenderer.render(graph("exclude")))
        .isEqualTo(
            """
            digraph {
            \t"unit1" ;
            \t"unit2" ;
            \t"unit2" -> "unit1";
            \t"unit3" ;
            \t"unit3" -> "unit2";
            \t"unit4" ;
            \t"unit5" ;
            \t"unit6" ;
            }
            """);
  }

  @Test
  void anIncludedRootTerragruntHclIsARootConfigurationUnlessAskedOtherwise() throws Exception {
    LoadedGraph legacy = load("legacy-root", LoadOptions.defaults());

    assertThat(legacy.rootConfigurations()).containsExactly(".");
    assertThat(legacy.graph().units()).containsOnlyKeys("app", "network");
    assertThat(legacy.graph().dependencies("app")).containsExactly("network");

    LoadedGraph modern = load("legacy-root", new LoadOptions(Map.of(), true, 0));

    assertThat(modern.rootConfigurations()).isEmpty();
    assertThat(modern.graph().units()).containsOnlyKeys(".", "app", "network");
  }

  @Test
  void destroyStartsWithTheDependents() throws Exception {
    UnitGraph graph = graph("destroy-order");

    assertThat(graph.units()).containsOnlyKeys(
        "app/module-a", "app/module-b", "app/module-c", "app/module-d", "app/module-e");
    assertThat(graph.destroyOrder())
        .containsExactly(
            List.of("app/module-b", "app/module-d", "app/module-e"), List.of("app/module-a", "app/module-c"));
  }

  @Test
  void runGraphOnEksAppliesAndDestroysInTerragruntsGroups() throws Exception {
    UnitGraph graph = graph("graph-eks");
    Set<String> subset = new TreeSet<>(graph.transitiveDependents(List.of("eks")));
    subset.add("eks");

    assertThat(graph.runOrder(subset))
        .containsExactly(
            List.of("eks"),
            List.of("services/eks-service-1", "services/eks-service-2"),
            List.of("services/eks-service-2-v2", "services/eks-service-3", "services/eks-service-5"),
            List.of("services/eks-service-3-v2", "services/eks-service-4"),
            List.of("services/eks-service-3-v3"));
    assertThat(graph.destroyOrder(subset))
        .containsExactly(
            List.of("services/eks-service-2-v2", "services/eks-service-3-v3", "services/eks-service-4", "services/eks-service-5"),
            List.of("services/eks-service-3-v2"),
            List.of("services/eks-service-3"),
            List.of("services/eks-service-1", "services/eks-service-2"),
            List.of("eks"));
    assertThat(graph.dependents("services/lambda-service-1")).containsExactly("services/lambda-service-2");
  }

  @Test
  void findInParentFoldersFindsDirectoriesAndNestedNames() throws Exception {
    UnitGraph graph = graph("parent-folder-lookup");

    assertThat(graph.dependencies("apps/web")).containsExactly("core/vpc", "sg");
  }

  @Test
  void pathsBuiltFromTheRootDirectoryOrTheUnitDirectoryResolve() throws Exception {
    UnitGraph graph = graph("root-relative-paths");

    assertThat(graph.dependencies("services/api")).containsExactly("network/dns", "network/vpc");
    assertThat(graph.dependencies("network/dns")).containsExactly("network/vpc");
    assertThat(graph.unit("services/api").reads()).contains("root.hcl");
  }

  @Test
  void trailingSlashesAndDuplicatePathsGiveOneEdge() throws Exception {
    UnitGraph graph = graph("trailing-slash");

    assertThat(graph.unit("region-1/unit-a").dependencies()).containsOnlyKeys("region-1/unit-c", "region-2/unit-b");
  }

  /** The graph terragrunt 1.1.3 finds after {@code stack generate} (less the stack itself). */
  @Test
  void unitPathsInStackValuesAreWhereTheUnitsAreGenerated() throws Exception {
    LoadedGraph loaded = load("stack-unit-path", LoadOptions.defaults());
    UnitGraph graph = loaded.graph();

    assertThat(graph.units()).containsOnlyKeys("live/.terragrunt-stack/app", "live/.terragrunt-stack/db",
        "live/.terragrunt-stack/network/vpc", "live/edge", "units/app", "units/db", "units/vpc");
    assertThat(graph.dependencies("live/.terragrunt-stack/app")).containsExactly("live/.terragrunt-stack/network/vpc");
    assertThat(graph.dependencies("live/.terragrunt-stack/db"))
        .containsExactlyInAnyOrder("live/edge", "live/.terragrunt-stack/network/vpc");
    assertThat(loaded.unresolvedStacks()).isEmpty();
  }

  /** The graph terragrunt 1.1.3 finds after {@code stack generate} (less the stack itself). */
  @Test
  void anIncludedStackFileAddsItsUnitsEvaluatedInTheIncludingFile() throws Exception {
    LoadedGraph loaded = load("stack-include", LoadOptions.defaults());
    UnitGraph graph = loaded.graph();

    assertThat(graph.units()).containsOnlyKeys("live/.terragrunt-stack/app", "live/.terragrunt-stack/vpc",
        "live/.terragrunt-stack/worker", "units/app", "units/vpc");
    assertThat(graph.dependencies("live/.terragrunt-stack/app")).containsExactly("live/.terragrunt-stack/vpc");
    assertThat(graph.dependencies("live/.terragrunt-stack/worker")).containsExactly("live/.terragrunt-stack/app");
    assertThat(graph.unit("live/.terragrunt-stack/worker").reads())
        .contains("common/services.stack.hcl", "live/terragrunt.stack.hcl");
    assertThat(loaded.unresolvedStacks()).isEmpty();
  }

  @Test
  void aCycleFailsNamingEveryUnitWithTheFileAndLineOfEachEdge() {
    Path root = fixture("cycle");

    assertThatThrownBy(() -> graph("cycle"))
        .isInstanceOf(GraphCycleException.class)
        .hasMessageStartingWith("dependency cycle: alpha -> beta -> gamma -> alpha")
        .hasMessageContaining("alpha -> beta (" + root.resolve("alpha/terragrunt.hcl") + ":2)")
        .hasMessageContaining("beta -> gamma (" + root.resolve("beta/terragrunt.hcl") + ":4)")
        .hasMessageContaining("gamma -> alpha (" + root.resolve("gamma/terragrunt.hcl") + ":2)");
  }
}
