package io.tglive.graph.render;

import static io.tglive.graph.Nodes.excluded;
import static io.tglive.graph.Nodes.graph;
import static io.tglive.graph.Nodes.unit;
import static io.tglive.graph.Nodes.unresolved;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tglive.config.Location;
import io.tglive.config.UnresolvedEdge;
import io.tglive.graph.UnitGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JSON document lists units, missing targets, unresolved edges and the run order, sorted. */
class JsonRendererTest {

  private static final Path ROOT = Path.of("/repo");

  private static UnitGraph sample() {
    return graph(
        unit("app", "vpc", "../common/dns"),
        excluded("vpc"),
        unresolved(
            "dyn",
            new UnresolvedEdge(new Location(ROOT.resolve("dyn/terragrunt.hcl"), 3), "local.x ? \"../a\" : \"../b\"", "unknown")));
  }

  @Test
  void everySectionIsPresentInAFixedOrder() throws Exception {
    String json = JsonRenderer.render(sample(), ROOT);

    JsonNode tree = new ObjectMapper().readTree(json);
    assertThat(tree.fieldNames()).toIterable().containsExactly("units", "missing", "unresolved", "order");
    assertThat(tree.get("units").get(0).fieldNames()).toIterable()
        .containsExactly("path", "dependencies", "excluded", "reads");
    assertThat(tree.get("units").findValuesAsText("path")).containsExactly("app", "dyn", "vpc");
    assertThat(tree.get("units").get(0).get("dependencies").toString()).isEqualTo("[\"../common/dns\",\"vpc\"]");
    assertThat(tree.get("units").get(2).get("excluded").asBoolean()).isTrue();
    assertThat(tree.get("missing").toString()).isEqualTo("[{\"path\":\"../common/dns\",\"referencedBy\":[\"app\"]}]");
    assertThat(tree.get("unresolved").toString())
        .isEqualTo("[{\"unit\":\"dyn\",\"file\":\"dyn/terragrunt.hcl\",\"line\":3,\"expression\":\"local.x ? \\\"../a\\\" : \\\"../b\\\"\",\"reason\":\"unknown\"}]");
    assertThat(tree.get("order").toString()).isEqualTo("[[\"dyn\",\"vpc\"],[\"app\"]]");
  }

  @Test
  void equalGraphsGiveEqualBytes() {
    assertThat(JsonRenderer.render(sample(), ROOT)).isEqualTo(JsonRenderer.render(sample(), ROOT)).endsWith("}\n");
  }
}
