package io.tglive.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.run.state.RunUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {

  @Test
  void aUnitsColumnIsItsLongestChainOfDependenciesAndEveryEdgePointsRight() {
    GraphLayout layout = GraphLayout.of(List.of(
        unit("c", "a", "b"), unit("b", "a"), unit("a"), unit("d"), unit("e", "d", "outside")));
    Map<String, GraphLayout.Node> nodes = layout.nodes().stream()
        .collect(Collectors.toMap(n -> n.unit().path(), n -> n));
    assertThat(nodes.get("a").column()).isZero();
    assertThat(nodes.get("d").column()).isZero();
    assertThat(nodes.get("b").column()).isEqualTo(1);
    assertThat(nodes.get("e").column()).isEqualTo(1);
    assertThat(nodes.get("c").column()).isEqualTo(2);
    assertThat(layout.edges()).extracting(e -> e.from().unit().path() + ">" + e.to().unit().path())
        .containsExactlyInAnyOrder("a>b", "d>e", "a>c", "b>c");
    assertThat(layout.edges()).allMatch(e -> e.from().x() + GraphLayout.NODE_WIDTH < e.to().x());
    assertThat(layout.width()).isEqualTo(nodes.get("c").x() + GraphLayout.NODE_WIDTH + GraphLayout.MARGIN);
  }

  @Test
  void aColumnIsOrderedByTheRowsOfTheUnitsItWaitsForThenByPath() {
    GraphLayout layout = GraphLayout.of(List.of(
        unit("a"), unit("b"), unit("x-on-b", "b"), unit("y-on-a", "a"), unit("z-on-a", "a")));
    assertThat(layout.nodes()).filteredOn(n -> n.column() == 1).extracting(n -> n.unit().path() + "@" + n.row())
        .containsExactly("y-on-a@0", "z-on-a@1", "x-on-b@2");
    assertThat(layout.height()).isEqualTo(2 * GraphLayout.MARGIN + 3 * GraphLayout.NODE_HEIGHT
        + 2 * GraphLayout.ROW_GAP);
  }

  @Test
  void noUnitsGiveAnEmptyDrawing() {
    GraphLayout layout = GraphLayout.of(List.of());
    assertThat(layout.nodes()).isEmpty();
    assertThat(layout.width()).isEqualTo(2 * GraphLayout.MARGIN);
  }

  private static RunUnit unit(String path, String... after) {
    return new RunUnit(path, false, null, List.of(after), 0, List.of(), 0, 1);
  }
}
