package io.tglive.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.config.ConfigException;
import io.tglive.config.DependencyEdge;
import io.tglive.config.Diagnostic;
import io.tglive.config.ExcludeSpec;
import io.tglive.config.Location;
import io.tglive.config.UnitConfig;
import io.tglive.hcl.HclSyntaxException;
import io.tglive.repo.DiskTree;
import io.tglive.repo.RepoTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery and conversion rules of the loader, with configurations supplied by a fake evaluator. */
class GraphLoaderDiscoveryTest {

  @TempDir Path repo;

  /** Configurations by unit directory; a directory without one evaluates to an empty configuration. */
  private final Map<Path, UnitConfig> configs = new HashMap<>();

  private final Map<Path, String> failures = new HashMap<>();

  private Path unit(String path) throws IOException {
    Path directory = repo.resolve(path).normalize();
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("terragrunt.hcl"), "");
    return directory;
  }

  private static UnitConfig config(Path directory) {
    return new UnitConfig(
        directory, List.of(), List.of(), Optional.empty(), Optional.empty(), Set.of(),
        Set.of(directory.resolve("terragrunt.hcl")), List.of(), Set.of(), Set.of());
  }

  private static UnitConfig withDependencies(Path directory, Path... targets) {
    List<DependencyEdge> edges = new ArrayList<>();
    for (Path target : targets) {
      edges.add(new DependencyEdge(target.normalize(), DependencyEdge.Origin.DEPENDENCIES_PATHS, null,
          new Location(directory.resolve("terragrunt.hcl"), 2)));
    }
    UnitConfig base = config(directory);
    return new UnitConfig(directory, edges, List.of(), base.exclude(), base.terraformSource(),
        base.includes(), base.reads(), base.diagnostics(), Set.of(), Set.of());
  }

  private static UnitConfig including(Path directory, Path included, Optional<String> source) {
    return new UnitConfig(directory, List.of(), List.of(), Optional.empty(), source, Set.of(included),
        Set.of(directory.resolve("terragrunt.hcl"), included), List.of(), Set.of(), Set.of());
  }

  private LoadedGraph load(LoadOptions options) throws ConfigException, GraphCycleException {
    return GraphLoader.load(new DiskTree(repo), options, this::evaluate, LoadProgress.NONE);
  }

  private UnitConfig evaluate(Path directory) throws ConfigException {
    if (failures.containsKey(directory)) {
      throw new ConfigException(failures.get(directory));
    }
    return configs.getOrDefault(directory, config(directory));
  }

  @Test
  void everyDirectoryHoldingTerragruntHclIsAUnitAtAnyDepth() throws Exception {
    unit("vpc");
    unit("prod/eu-west-1/app");
    unit("prod/eu-west-1/app/nested");
    Files.writeString(Files.createDirectories(repo.resolve("modules/x")).resolve("main.tf"), "");

    assertThat(load(LoadOptions.defaults()).graph().units())
        .containsOnlyKeys("vpc", "prod/eu-west-1/app", "prod/eu-west-1/app/nested");
  }

  @Test
  void onlyGitTerraformAndTerragruntCacheDirectoriesAreSkippedAsInTerragrunt() throws Exception {
    unit("app");
    unit(".git/app");
    unit("app/.terraform/modules/x");
    unit("app/.terragrunt-cache/abc/def");
    unit(".hidden/unit");
    unit("stack/.github/generated");

    assertThat(load(LoadOptions.defaults()).graph().units())
        .containsOnlyKeys("app", ".hidden/unit", "stack/.github/generated");
  }

  @Test
  void aDirectoryHoldingOnlyTerragruntHclJsonIsNotAUnitAsInTerragruntDiscovery() throws Exception {
    unit("app");
    Files.createDirectories(repo.resolve("json"));
    Files.writeString(repo.resolve("json/terragrunt.hcl.json"), "{}");

    assertThat(load(LoadOptions.defaults()).graph().units()).containsOnlyKeys("app");
  }

  @Test
  void excludedDirectoriesAreNotWalkedByNamePatternOrRepositoryPath() throws Exception {
    unit("app");
    unit(".hidden/unit");
    unit("prod/.cache/unit");
    unit("vendor/unit");
    unit("prod/vendor/unit");
    unit("prod/legacy/unit");
    unit("dev/legacy/unit");

    LoadedGraph loaded = load(LoadOptions.defaults().withExcludeDirs(List.of(".*", "vend?r", "./prod/legacy/")));

    assertThat(loaded.graph().units()).containsOnlyKeys("app", "dev/legacy/unit");
  }

  @Test
  void anExclusionNamingNothingIsRejected() {
    assertThatThrownBy(() -> load(LoadOptions.defaults().withExcludeDirs(List.of("./"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names nothing");
  }

  @Test
  void symbolicLinksToDirectoriesAreNotFollowedSoLoopsEndTheWalk() throws Exception {
    unit("a/unit");
    Files.createSymbolicLink(repo.resolve("a/up"), Path.of(".."));
    Files.createSymbolicLink(repo.resolve("a/self"), Path.of("."));
    Files.createSymbolicLink(repo.resolve("root"), Path.of("/"));
    Files.createSymbolicLink(repo.resolve("linked"), repo.resolve("a"));

    assertThat(load(LoadOptions.defaults()).graph().units()).containsOnlyKeys("a/unit");
  }

  @Test
  void aTerragruntHclThatIsALinkToAFileIsAUnit() throws Exception {
    Path shared = Files.createDirectories(repo.resolve("shared"));
    Files.writeString(shared.resolve("unit.hcl"), "");
    Files.createDirectories(repo.resolve("app"));
    Files.createSymbolicLink(repo.resolve("app/terragrunt.hcl"), Path.of("../shared/unit.hcl"));

    assertThat(load(LoadOptions.defaults()).graph().units()).containsOnlyKeys("app");
  }

  @Test
  void aTreeDeeperThanAThreadStackIsWalkedWithoutRecursion() throws Exception {
    RepoTree deep = new DeepTree(repo, 12_000);

    LoadedGraph loaded = GraphLoader.load(deep, LoadOptions.defaults(), this::evaluate, LoadProgress.NONE);

    assertThat(loaded.graph().units()).hasSize(1);
    assertThat(loaded.graph().units().keySet().iterator().next()).endsWith("/d/d");
  }

  @Test
  void anIncludedTerragruntHclWithoutSourceOrTerraformFilesIsARootConfiguration() throws Exception {
    Path root = unit(".");
    Path app = unit("app");
    configs.put(app, including(app, root.resolve("terragrunt.hcl"), Optional.of("git::x")));

    LoadedGraph loaded = load(LoadOptions.defaults());

    assertThat(loaded.rootConfigurations()).containsExactly(".");
    assertThat(loaded.graph().units()).containsOnlyKeys("app");
  }

  @Test
  void aRootConfigurationIsAUnitWhenAskedTo() throws Exception {
    Path root = unit(".");
    Path app = unit("app");
    configs.put(app, including(app, root.resolve("terragrunt.hcl"), Optional.empty()));

    LoadedGraph loaded = load(new LoadOptions(Map.of(), true, 0));

    assertThat(loaded.rootConfigurations()).isEmpty();
    assertThat(loaded.graph().units()).containsOnlyKeys(".", "app");
  }

  @Test
  void anIncludedTerragruntHclNextToTerraformFilesStaysAUnit() throws Exception {
    Path shared = unit("shared");
    Files.writeString(shared.resolve("main.tf"), "");
    Path app = unit("app");
    configs.put(app, including(app, shared.resolve("terragrunt.hcl"), Optional.empty()));

    LoadedGraph loaded = load(LoadOptions.defaults());

    assertThat(loaded.rootConfigurations()).isEmpty();
    assertThat(loaded.graph().units()).containsOnlyKeys("app", "shared");
  }

  @Test
  void anIncludedTerragruntHclWithATerraformSourceStaysAUnit() throws Exception {
    Path shared = unit("shared");
    configs.put(shared, including(shared, repo.resolve("other.hcl"), Optional.of("./module")));
    Path app = unit("app");
    configs.put(app, including(app, shared.resolve("terragrunt.hcl"), Optional.empty()));

    assertThat(load(LoadOptions.defaults()).graph().units()).containsOnlyKeys("app", "shared");
  }

  @Test
  void aRootConfigurationThatCannotBeEvaluatedAloneIsNotAnError() throws Exception {
    Path root = unit(".");
    Path app = unit("app");
    configs.put(app, including(app, root.resolve("terragrunt.hcl"), Optional.empty()));
    failures.put(root, root.resolve("terragrunt.hcl") + ":3:9: path_relative_to_include needs an include");

    assertThat(load(LoadOptions.defaults()).rootConfigurations()).containsExactly(".");
  }

  @Test
  void everyUnitErrorIsReportedSortedInOneException() throws Exception {
    Path b = unit("b");
    Path a = unit("a");
    unit("c");
    failures.put(b, "b/terragrunt.hcl:4:3: unsupported block");
    failures.put(a, "a/terragrunt.hcl:1:1: unexpected token");

    assertThatThrownBy(() -> load(LoadOptions.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("a/terragrunt.hcl:1:1: unexpected token\nb/terragrunt.hcl:4:3: unsupported block");
  }

  @Test
  void aSyntaxErrorIsReportedLikeAnyOtherUnitError() throws Exception {
    Path a = unit("a");
    GraphLoader.UnitEvaluator evaluator =
        directory -> {
          throw new HclSyntaxException("a/terragrunt.hcl", 2, 5, "expected '='");
        };

    assertThatThrownBy(() -> GraphLoader.load(new DiskTree(repo), LoadOptions.defaults(), evaluator, LoadProgress.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessage("a/terragrunt.hcl:2:5: expected '='");
    assertThat(a).exists();
  }

  @Test
  void pathsAreRepositoryRelativeAndExternalsStartWithDotDot() throws Exception {
    Path app = unit("live/app");
    configs.put(app, withDependencies(app, repo.resolve("live/vpc/"), repo.resolve("../external/c"), app.resolve("../db")));
    unit("live/vpc");
    unit("live/db");

    UnitGraph graph = load(LoadOptions.defaults()).graph();

    assertThat(graph.unit("live/app").dependencies()).containsOnlyKeys("live/vpc", "live/db", "../external/c");
    assertThat(graph.missing()).containsOnlyKeys("../external/c");
    assertThat(graph.unit("live/app").reads()).containsExactly("live/app/terragrunt.hcl");
  }

  @Test
  void aUnitIsExcludedWhenItsExcludeBlockCoversPlanOrApply() throws Exception {
    Map<String, ExcludeSpec> specs = Map.of(
        "apply", new ExcludeSpec(Optional.of(true), List.of("apply"), false, false),
        "plan", new ExcludeSpec(Optional.of(true), List.of("plan"), false, false),
        "all", new ExcludeSpec(Optional.of(true), List.of("all"), false, false),
        "all-except-output", new ExcludeSpec(Optional.of(true), List.of("all_except_output"), false, false),
        "destroy-only", new ExcludeSpec(Optional.of(true), List.of("destroy"), false, false),
        "false", new ExcludeSpec(Optional.of(false), List.of("all"), false, false),
        "unknown", new ExcludeSpec(Optional.empty(), List.of("all"), false, false));
    for (Map.Entry<String, ExcludeSpec> spec : specs.entrySet()) {
      Path directory = unit(spec.getKey());
      UnitConfig base = config(directory);
      configs.put(directory, new UnitConfig(directory, List.of(), List.of(), Optional.of(spec.getValue()),
          Optional.empty(), Set.of(), base.reads(), List.of(), Set.of(), Set.of()));
    }

    UnitGraph graph = load(LoadOptions.defaults()).graph();

    assertThat(graph.units().values().stream().filter(UnitNode::excluded).map(UnitNode::path))
        .containsExactlyInAnyOrder("apply", "plan", "all", "all-except-output");
  }

  @Test
  void aDiagnosticFromASharedFileIsReportedOnce() throws Exception {
    Path shared = repo.resolve("root.hcl");
    Diagnostic diagnostic = new Diagnostic(new Location(shared, 7), "unsupported function get_aws_account_id");
    for (String name : List.of("a", "b", "c")) {
      Path directory = unit(name);
      configs.put(directory, new UnitConfig(directory, List.of(), List.of(), Optional.empty(), Optional.empty(),
          Set.of(shared), Set.of(shared), List.of(diagnostic), Set.of(), Set.of()));
    }

    assertThat(load(LoadOptions.defaults()).diagnostics()).containsExactly(diagnostic);
  }

  @Test
  void unitsAreEvaluatedConcurrently() throws Exception {
    unit("a");
    unit("b");
    CountDownLatch bothStarted = new CountDownLatch(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    GraphLoader.UnitEvaluator evaluator =
        directory -> {
          threads.add(Thread.currentThread().getName());
          bothStarted.countDown();
          try {
            assertThat(bothStarted.await(10, TimeUnit.SECONDS)).as("the other unit started meanwhile").isTrue();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          return config(directory);
        };

    GraphLoader.load(new DiskTree(repo), new LoadOptions(Map.of(), false, 2), evaluator, LoadProgress.NONE);

    assertThat(threads).hasSize(2);
  }

  /** One progress report: units done, units found, whether the walk is over. */
  private record Report(int done, int found, boolean allFound) {}

  @Test
  void progressCountsEveryEvaluatedUnitAndEndsWithOneCallGivingTheTotal() throws Exception {
    unit("a");
    unit("b");
    unit("c");
    List<Report> reported = java.util.Collections.synchronizedList(new ArrayList<>());

    GraphLoader.load(new DiskTree(repo), LoadOptions.defaults(), this::evaluate,
        (done, found, allFound) -> reported.add(new Report(done, found, allFound)));

    assertThat(reported).last().isEqualTo(new Report(3, 3, true));
    assertThat(reported).filteredOn(report -> report.allFound() && report.done() == report.found()).hasSize(1);
    assertThat(reported).allSatisfy(report -> assertThat(report.done()).isBetween(1, report.found()));
    assertThat(reported.stream().mapToInt(Report::done).distinct()).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void unitsAreEvaluatedWhileTheWalkIsStillFindingOthers() throws Exception {
    unit("a");
    unit("z");
    CountDownLatch firstEvaluated = new CountDownLatch(1);
    RepoTree tree = new RecordingTree(new DiskTree(repo), directory -> {
      if (directory.equals(repo.resolve("z"))) {
        try {
          assertThat(firstEvaluated.await(10, TimeUnit.SECONDS)).as("a evaluated before z was listed").isTrue();
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    });

    LoadedGraph loaded = GraphLoader.load(tree, new LoadOptions(Map.of(), false, 2),
        directory -> {
          firstEvaluated.countDown();
          return config(directory);
        },
        LoadProgress.NONE);

    assertThat(loaded.graph().units()).containsOnlyKeys("a", "z");
  }

  @Test
  void aUnitDependingOnItselfIsACycle() throws Exception {
    Path a = unit("a");
    configs.put(a, withDependencies(a, a));

    assertThatThrownBy(() -> load(LoadOptions.defaults()))
        .isInstanceOf(GraphCycleException.class)
        .hasMessageContaining("a -> a");
  }

  @Test
  void aCycleBehindAcyclicUnitsIsFound() throws Exception {
    Path a = unit("a");
    Path b = unit("b");
    Path c = unit("c");
    Path d = unit("d");
    unit("e");
    configs.put(a, withDependencies(a, b, repo.resolve("e")));
    configs.put(b, withDependencies(b, c));
    configs.put(c, withDependencies(c, b));
    configs.put(d, withDependencies(d, a));

    assertThatThrownBy(() -> load(LoadOptions.defaults()))
        .isInstanceOf(GraphCycleException.class)
        .hasMessageContaining("b -> c -> b");
  }

  @Test
  void aCycleFailsNamingEveryUnitOfIt() throws Exception {
    Path a = unit("a");
    Path b = unit("b");
    configs.put(a, withDependencies(a, b));
    configs.put(b, withDependencies(b, a));

    assertThatThrownBy(() -> load(LoadOptions.defaults()))
        .isInstanceOf(GraphCycleException.class)
        .hasMessageContaining("a -> b -> a")
        .hasMessageContaining(a.resolve("terragrunt.hcl") + ":2");
  }
}
