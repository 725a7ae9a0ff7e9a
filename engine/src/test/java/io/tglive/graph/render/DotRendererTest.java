package io.tglive.graph.render;

import static io.tglive.graph.Nodes.excluded;
import static io.tglive.graph.Nodes.graph;
import static io.tglive.graph.Nodes.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.graph.TerragruntDot;
import org.junit.jupiter.api.Test;

/** DOT output is byte-identical to {@code terragrunt dag graph}. */
class DotRendererTest {

  @Test
  void graphDependenciesFixtureRendersExactlyAsTerragrunt() {
    String dot =
        DotRenderer.render(
            graph(
                unit("frontend-app", "vpc", "backend-app"),
                unit("backend-app", "vpc", "redis", "mysql"),
                unit("vpc"),
                unit("redis", "vpc"),
                unit("mysql", "vpc")));

    assertThat(dot)
        .isEqualTo(
            TerragruntDot.GRAPH_DEPENDENCIES);
  }

  @Test
  void excludedUnitsAreDrawnLikeOthersAsInTerragrunt113() {
    String dot = DotRenderer.render(graph(unit("001/unit1"), excluded("001/unit2", "001/unit1"), unit("001/unit3", "001/unit2")));

    assertThat(dot)
        .isEqualTo(
            """
            digraph {
            \t"001/unit1" ;
            \t"001/unit2" ;
            \t"001/unit2" -> "001/unit1";
            \t"001/unit3" ;
            \t"001/unit3" -> "001/unit2";
            }
            """);
  }

  @Test
  void externalAndMissingDependenciesAppearOnlyAsEdgeTargets() {
    String dot = DotRenderer.render(graph(unit("unit-a", "../region-2/unit-b", "gone")));

    assertThat(dot)
        .isEqualTo(
            """
            digraph {
            \t"unit-a" ;
            \t"unit-a" -> "../region-2/unit-b";
            \t"unit-a" -> "gone";
            }
            """);
  }

  @Test
  void anEmptyRepositoryIsAnEmptyDigraph() {
    assertThat(DotRenderer.render(graph())).isEqualTo("digraph {\n}\n");
  }
}
