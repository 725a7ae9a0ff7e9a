package io.tglive.graph.render;

import static io.tglive.graph.Nodes.excluded;
import static io.tglive.graph.Nodes.graph;
import static io.tglive.graph.Nodes.unit;
import static io.tglive.graph.Nodes.unresolved;
import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.config.Location;
import io.tglive.config.UnresolvedEdge;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The text format lists run-order groups, one unit per line with its dependencies. */
class TextRendererTest {

  @Test
  void groupsListUnitsWithTheirDependenciesThenMissingAndUnresolved() {
    Path root = Path.of("/repo");
    String text =
        TextRenderer.render(
            graph(
                unit("vpc"),
                excluded("mysql", "vpc"),
                unit("app", "mysql", "vpc", "gone"),
                unresolved("dyn", new UnresolvedEdge(new Location(root.resolve("dyn/terragrunt.hcl"), 2), "local.p", "unknown"))),
            root);

    assertThat(text)
        .isEqualTo(
            """
            Group 1
              dyn
              vpc
            Group 2
              mysql (excluded) -> vpc
            Group 3
              app -> gone, mysql, vpc
            Missing dependencies
              gone (referenced by app)
            Unresolved dependencies
              dyn: dyn/terragrunt.hcl:2: local.p
            """);
  }
}
