package io.tglive.graph;

import static io.tglive.graph.Nodes.graph;
import static io.tglive.graph.Nodes.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Run and destroy orders follow Terragrunt's queue: Kahn levels with ties broken by path. */
class RunOrderTest {

  /** The graph of Terragrunt's {@code test/fixtures/graph} (eks, lambda and their services). */
  private static UnitGraph eks() {
    return graph(
        unit("eks"),
        unit("lambda"),
        unit("services/eks-service-1", "eks"),
        unit("services/eks-service-2", "eks"),
        unit("services/eks-service-2-v2", "services/eks-service-2"),
        unit("services/eks-service-3", "services/eks-service-1", "services/eks-service-2"),
        unit("services/eks-service-3-v2", "services/eks-service-3"),
        unit("services/eks-service-3-v3", "services/eks-service-3-v2"),
        unit("services/eks-service-4", "services/eks-service-3"),
        unit("services/eks-service-5", "eks", "services/eks-service-2"),
        unit("services/lambda-service-1", "lambda"),
        unit("services/lambda-service-2", "services/lambda-service-1"));
  }

  private static Set<String> eksAndDependents(UnitGraph graph) {
    Set<String> subset = new TreeSet<>(graph.transitiveDependents(List.of("eks")));
    subset.add("eks");
    return subset;
  }

  @Test
  void runGraphOnEksAppliesInTerragruntsGroups() {
    UnitGraph graph = eks();

    assertThat(graph.runOrder(eksAndDependents(graph)))
        .containsExactly(
            List.of("eks"),
            List.of("services/eks-service-1", "services/eks-service-2"),
            List.of("services/eks-service-2-v2", "services/eks-service-3", "services/eks-service-5"),
            List.of("services/eks-service-3-v2", "services/eks-service-4"),
            List.of("services/eks-service-3-v3"));
  }

  @Test
  void runGraphOnEksDestroysDependentsFirstNotTheReversedApplyGroups() {
    UnitGraph graph = eks();

    assertThat(graph.destroyOrder(eksAndDependents(graph)))
        .containsExactly(
            List.of(
                "services/eks-service-2-v2",
                "services/eks-service-3-v3",
                "services/eks-service-4",
                "services/eks-service-5"),
            List.of("services/eks-service-3-v2"),
            List.of("services/eks-service-3"),
            List.of("services/eks-service-1", "services/eks-service-2"),
            List.of("eks"));
  }

  @Test
  void destroyingLambdaService2TouchesOnlyItself() {
    UnitGraph graph = eks();

    assertThat(graph.transitiveDependents(List.of("services/lambda-service-2"))).isEmpty();
    assertThat(graph.destroyOrder(List.of("services/lambda-service-2")))
        .containsExactly(List.of("services/lambda-service-2"));
  }

  @Test
  void graphDependenciesDestroyIsTheReverseOfApply() {
    UnitGraph graph =
        graph(
            unit("vpc"),
            unit("mysql", "vpc"),
            unit("redis", "vpc"),
            unit("backend-app", "mysql", "redis", "vpc"),
            unit("frontend-app", "backend-app", "vpc"));

    assertThat(graph.runOrder())
        .containsExactly(
            List.of("vpc"), List.of("mysql", "redis"), List.of("backend-app"), List.of("frontend-app"));
    assertThat(graph.destroyOrder())
        .containsExactly(
            List.of("frontend-app"), List.of("backend-app"), List.of("mysql", "redis"), List.of("vpc"));
  }
}
