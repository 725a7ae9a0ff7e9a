package io.tglive.conformance;

import static io.tglive.graph.Nodes.excluded;
import static io.tglive.graph.Nodes.graph;
import static io.tglive.graph.Nodes.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.tglive.conformance.Difference.Kind;
import io.tglive.graph.LoadedGraph;
import io.tglive.graph.UnitGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing terragrunt's find output and classifying the differences to our graph, without terragrunt. */
class GraphConformanceTest {

  private static final String FIND_DAG = """
      [
        {"type": "unit", "path": "vpc"},
        {"type": "unit", "path": "db", "dependencies": ["vpc"],
         "exclude": {"if": true, "actions": ["destroy"], "exclude_dependencies": false}},
        {"type": "unit", "path": "app", "dependencies": ["db", "vpc", "../external/dns"],
         "exclude": {"if": true, "actions": ["all_except_output"]}},
        {"type": "stack", "path": "platform"}
      ]
      """;

  private static TerragruntGraph theirs(String json) throws ConformanceException {
    return TerragruntGraph.parse(json, "test");
  }

  private static LoadedGraph ours(UnitGraph graph, String... rootConfigurations) {
    return new LoadedGraph(graph, List.of(rootConfigurations), List.of(), List.of());
  }

  @Test
  void findOutputGivesOrderDependenciesExclusionAndStacks() throws Exception {
    TerragruntGraph graph = theirs(FIND_DAG);

    assertThat(graph.order()).containsExactly("vpc", "db", "app");
    assertThat(graph.dependencies().get("app")).containsExactly("../external/dns", "db", "vpc");
    assertThat(graph.dependencies().get("vpc")).isEmpty();
    assertThat(graph.excluded()).containsExactly("app");
    assertThat(graph.stacks()).containsExactly("platform");
  }

  @Test
  void outputThatIsNotAJsonArrayIsAClearError() {
    assertThatThrownBy(() -> theirs("INFO starting\n[]")).isInstanceOf(ConformanceException.class)
        .hasMessageStartingWith("test: output is not JSON");
    assertThatThrownBy(() -> theirs("{}")).hasMessage("test: output is not a JSON array");
  }

  @Test
  void theSameGraphHasNoDifference() throws Exception {
    UnitGraph graph = graph(unit("vpc"), unit("db", "vpc"), excluded("app", "db", "vpc", "../external/dns"));

    assertThat(GraphConformance.compare(ours(graph), theirs(FIND_DAG))).isEmpty();
  }

  @Test
  void missingEdgesUnitsAndExclusionsAreUndocumentedDifferences() throws Exception {
    UnitGraph graph = graph(unit("vpc"), unit("db"), unit("app", "db", "vpc", "../external/dns"), unit("extra"));

    List<Difference> differences = GraphConformance.compare(ours(graph), theirs(FIND_DAG));

    assertThat(differences).extracting(Difference::kind, Difference::subject).containsExactlyInAnyOrder(
        tuple(Kind.UNIT_ONLY_TGLIVE, "extra"),
        tuple(Kind.EDGE_ONLY_TERRAGRUNT, "db -> vpc"),
        tuple(Kind.EXCLUDED, "app"));
    assertThat(differences).allMatch(Difference::undocumented);
  }

  @Test
  void aRootConfigurationListedAsAUnitIsADocumentedDivergence() throws Exception {
    UnitGraph graph = graph(unit("app"));
    TerragruntGraph terragrunt = theirs("""
        [{"type": "unit", "path": "."}, {"type": "unit", "path": "app"}]
        """);

    List<Difference> differences = GraphConformance.compare(ours(graph, "."), terragrunt);

    assertThat(differences).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Kind.UNIT_ONLY_TERRAGRUNT);
      assertThat(d.divergence()).contains(Divergence.ROOT_CONFIGURATION);
    });
  }

  @Test
  void anotherRunOrderOfTheSameGraphIsADifference() throws Exception {
    UnitGraph graph = graph(unit("a"), unit("b"), unit("c", "a"));
    TerragruntGraph terragrunt = theirs("""
        [{"type": "unit", "path": "b"}, {"type": "unit", "path": "a"},
         {"type": "unit", "path": "c", "dependencies": ["a"]}]
        """);

    assertThat(GraphConformance.compare(ours(graph), terragrunt)).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Kind.RUN_ORDER);
      assertThat(d.detail()).isEqualTo("tglive [a, b, c], terragrunt [b, a, c]");
    });
  }

  @Test
  void theReportConformsOnlyWithoutUndocumentedDifferences() {
    Difference documented = Difference.documented(Kind.UNIT_ONLY_TERRAGRUNT, ".", "", Divergence.ROOT_CONFIGURATION);
    Difference bug = Difference.bug(Kind.UNIT_ONLY_TGLIVE, "x", "");

    assertThat(new ConformanceReport("graph of r", "terragrunt version v1.1.3", 1, List.of(documented)).conforms())
        .isTrue();
    ConformanceReport failing = new ConformanceReport("graph of r", "terragrunt version v1.1.3", 1, List.of(documented, bug));
    assertThat(failing.conforms()).isFalse();
    assertThat(failing.render()).isEqualTo("""
        graph of r against terragrunt version v1.1.3: 1 unit, 1 documented divergence(s), 1 undocumented
          documented (root-configuration) unit only in terragrunt: .
          UNDOCUMENTED unit only in tglive: x
        """);
  }
}
