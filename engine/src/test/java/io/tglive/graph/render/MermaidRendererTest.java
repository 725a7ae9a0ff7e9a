package io.tglive.graph.render;

import static io.tglive.graph.Nodes.excluded;
import static io.tglive.graph.Nodes.graph;
import static io.tglive.graph.Nodes.unit;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mermaid flowchart points from units to dependencies with ids derived from paths. */
class MermaidRendererTest {

  @Test
  void unitsPointToTheirDependenciesWithPathDerivedIds() {
    String mermaid = MermaidRenderer.render(graph(unit("prod/app", "prod/vpc", "gone"), excluded("prod/vpc")));

    assertThat(mermaid)
        .isEqualTo(
            """
            graph TD
              u_gone["gone"]:::missing
              u_prod_app["prod/app"]
              u_prod_vpc["prod/vpc"]:::excluded
              u_prod_app --> u_gone
              u_prod_app --> u_prod_vpc
              classDef excluded stroke:#d00,color:#d00
              classDef missing stroke-dasharray:5 5
            """);
  }

  @Test
  void pathsThatSanitizeAlikeGetDistinctIds() {
    String mermaid = MermaidRenderer.render(graph(unit("a-b"), unit("a_b"), unit("a.b")));

    assertThat(mermaid).contains("u_a_b[\"a-b\"]", "u_a_b_2[\"a.b\"]", "u_a_b_3[\"a_b\"]");
  }
}
