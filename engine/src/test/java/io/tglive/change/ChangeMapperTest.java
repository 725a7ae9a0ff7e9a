package io.tglive.change;

import static io.tglive.testing.Units.graph;
import static io.tglive.testing.Units.unit;
import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.graph.UnitGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChangeMapperTest {

  private static final IgnoreRules DEFAULT_IGNORE = IgnoreRules.of(List.of("**/*.md", "docs/**"));

  private final UnitGraph graph = graph(
      unit("live/prod/vpc", "root.hcl", "live/prod/env.hcl"),
      unit("live/prod/vpc/peering", "root.hcl"),
      unit("live/prod/app", List.of("live/prod/vpc"), "root.hcl", "_envcommon/app.hcl", "modules/app", "live/prod/app/policy.json"),
      unit("live/dev/app", "root.hcl", "_envcommon/app.hcl", "live/prod/app/policy.json"));

  private static Map<String, Set<String>> reasons(Selection selection) {
    return selection.applies().entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> e.getValue().stream().map(Reason::toString).collect(Collectors.toSet())));
  }

  private static Selection select(UnitGraph base, UnitGraph head, ChangedFile... files) {
    return ChangeMapper.select(base, head, List.of(files), DEFAULT_IGNORE);
  }

  private static ChangedFile modified(String path) {
    return new ChangedFile(path, ChangeKind.MODIFIED);
  }

  @Test
  void fileInsideAUnitDirectorySelectsTheInnermostUnit() {
    Selection selection = select(graph, graph, modified("live/prod/vpc/peering/main.tf"), modified("live/prod/vpc/x.tf"));

    assertThat(reasons(selection)).isEqualTo(Map.of(
        "live/prod/vpc/peering", Set.of("changed"),
        "live/prod/vpc", Set.of("changed")));
  }

  @Test
  void sharedFileSelectsEveryUnitReadingIt() {
    Selection selection = select(graph, graph, modified("_envcommon/app.hcl"));

    assertThat(reasons(selection)).isEqualTo(Map.of(
        "live/prod/app", Set.of("reads:_envcommon/app.hcl"),
        "live/dev/app", Set.of("reads:_envcommon/app.hcl")));
  }

  @Test
  void fileUnderALocalModuleDirectorySelectsItsReaders() {
    Selection selection = select(graph, graph, modified("modules/app/nested/main.tf"));

    assertThat(reasons(selection)).isEqualTo(Map.of("live/prod/app", Set.of("reads:modules/app/nested/main.tf")));
  }

  @Test
  void fileInsideAUnitReadByAnotherUnitSelectsBoth() {
    Selection selection = select(graph, graph, modified("live/prod/app/policy.json"));

    assertThat(reasons(selection)).isEqualTo(Map.of(
        "live/prod/app", Set.of("changed"),
        "live/dev/app", Set.of("reads:live/prod/app/policy.json")));
  }

  @Test
  void fileNoUnitReadsIsUnmappedAndIgnoredFilesAreDropped() {
    Selection selection = select(graph, graph, modified("scripts/lint.sh"), modified("live/prod/vpc/README.md"),
        modified("docs/guide.txt"));

    assertThat(selection.applies()).isEmpty();
    assertThat(selection.unmapped()).containsExactly("scripts/lint.sh");
    assertThat(selection.ignored()).containsExactly("docs/guide.txt", "live/prod/vpc/README.md");
  }

  @Test
  void unitsOnlyAtHeadAreAddedAndUnitsOnlyAtBaseAreDeleted() {
    UnitGraph base = graph(unit("live/a"), unit("live/old", "root.hcl"));
    UnitGraph head = graph(unit("live/a"), unit("live/new", "root.hcl"));

    Selection selection = select(base, head,
        new ChangedFile("live/new/terragrunt.hcl", ChangeKind.ADDED),
        new ChangedFile("live/old/terragrunt.hcl", ChangeKind.DELETED));

    assertThat(reasons(selection)).isEqualTo(Map.of("live/new", Set.of("added")));
    assertThat(selection.destroys()).containsOnlyKeys("live/old");
    assertThat(selection.destroys().get("live/old")).extracting(Reason::toString).containsExactly("deleted");
    assertThat(selection.unmapped()).isEmpty();
  }

  @Test
  void deletedFileIsMappedAgainstTheBaseGraphOnly() {
    UnitGraph base = graph(unit("live/a", "live/a/extra.hcl"), unit("live/b", "common/gone.hcl"));
    UnitGraph head = graph(unit("live/a"), unit("live/b"));

    Selection selection = select(base, head, new ChangedFile("common/gone.hcl", ChangeKind.DELETED));

    assertThat(reasons(selection)).isEqualTo(Map.of("live/b", Set.of("reads:common/gone.hcl")));
  }

  @Test
  void addedFileIsMappedAgainstTheHeadGraphOnly() {
    UnitGraph base = graph(unit("live/a"), unit("live/b"));
    UnitGraph head = graph(unit("live/a"), unit("live/b", "common/new.hcl"));

    Selection selection = select(base, head, new ChangedFile("common/new.hcl", ChangeKind.ADDED));

    assertThat(reasons(selection)).isEqualTo(Map.of("live/b", Set.of("reads:common/new.hcl")));
  }

  @Test
  void ignoreGlobsMatchWithinAndAcrossSegments() {
    IgnoreRules rules = IgnoreRules.of(List.of("**/*.md", "docs/**", "live/*/notes.txt", "?.tmp"));

    assertThat(rules.ignores("README.md")).isTrue();
    assertThat(rules.ignores("live/prod/README.md")).isTrue();
    assertThat(rules.ignores("docs/a/b.png")).isTrue();
    assertThat(rules.ignores("live/prod/notes.txt")).isTrue();
    assertThat(rules.ignores("live/prod/app/notes.txt")).isFalse();
    assertThat(rules.ignores("a.tmp")).isTrue();
    assertThat(rules.ignores("ab.tmp")).isFalse();
    assertThat(rules.ignores("live/docs/x")).isFalse();
  }
}
