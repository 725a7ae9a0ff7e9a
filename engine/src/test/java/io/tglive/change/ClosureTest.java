package io.tglive.change;

import static io.tglive.testing.Units.graph;
import static io.tglive.testing.Units.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.graph.UnitGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClosureTest {

  // vpc <- db <- app <- dns ; vpc <- cache ; app also depends on cache ; iam standalone
  private final UnitGraph head = graph(
      unit("vpc"),
      unit("db", List.of("vpc")),
      unit("cache", List.of("vpc")),
      unit("app", List.of("db", "cache")),
      unit("dns", List.of("app")),
      unit("iam"));

  private static Selection seeds(String... changed) {
    TreeMap<String, SortedSet<Reason>> applies = new TreeMap<>();
    for (String unit : changed) {
      applies.put(unit, new TreeSet<>(Set.of(Reason.CHANGED)));
    }
    return new Selection(applies, new TreeMap<>(), new TreeSet<>(), new TreeSet<>());
  }

  private static Map<String, Set<String>> reasons(Selection selection) {
    return selection.applies().entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> e.getValue().stream().map(Reason::toString).collect(Collectors.toSet())));
  }

  @Test
  void dependentsArePulledInNamingTheDirectDependencyThatPulledThem() {
    Selection stack = Closure.expand(seeds("db"), head, true, false);

    assertThat(reasons(stack)).isEqualTo(Map.of(
        "db", Set.of("changed"),
        "app", Set.of("dependent-of:db"),
        "dns", Set.of("dependent-of:app")));
  }

  @Test
  void selectedUnitsKeepOnlyTheirOwnReasons() {
    Selection stack = Closure.expand(seeds("vpc", "db"), head, true, false);

    assertThat(reasons(stack)).isEqualTo(Map.of(
        "vpc", Set.of("changed"),
        "db", Set.of("changed"),
        "cache", Set.of("dependent-of:vpc"),
        "app", Set.of("dependent-of:cache", "dependent-of:db"),
        "dns", Set.of("dependent-of:app")));
  }

  @Test
  void dependenciesOfTheWholeStackArePulledInWhenAsked() {
    Selection stack = Closure.expand(seeds("db"), head, true, true);

    assertThat(reasons(stack)).isEqualTo(Map.of(
        "db", Set.of("changed"),
        "app", Set.of("dependent-of:db"),
        "dns", Set.of("dependent-of:app"),
        "vpc", Set.of("dependency-of:cache", "dependency-of:db"),
        "cache", Set.of("dependency-of:app")));
  }

  @Test
  void withoutDependentsOnlyTheSelectedUnitsRemain() {
    Selection stack = Closure.expand(seeds("db"), head, false, false);

    assertThat(reasons(stack)).isEqualTo(Map.of("db", Set.of("changed")));
  }
}
