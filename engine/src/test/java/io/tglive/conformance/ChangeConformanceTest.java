package io.tglive.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tglive.change.ChangeKind;
import io.tglive.change.ChangedFile;
import io.tglive.change.DiffMode;
import io.tglive.change.Reason;
import io.tglive.conformance.Difference.Kind;
import io.tglive.stack.ApprovalPolicy;
import io.tglive.stack.DeployStack;
import io.tglive.stack.StackAction;
import io.tglive.stack.StackResult;
import io.tglive.stack.StackUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Classifying the differences between our selection of a change and terragrunt's git filter. */
class ChangeConformanceTest {

  private static StackUnit unit(String path, Reason reason) {
    return new StackUnit(path, StackAction.APPLY, new TreeSet<>(Set.of(reason)), null, ApprovalPolicy.NONE,
        new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), 0, 0);
  }

  private static StackResult ours(Set<String> ignored, Set<String> excluded, StackUnit... units) {
    SortedMap<String, StackUnit> byPath = new TreeMap<>();
    for (StackUnit unit : units) {
      byPath.put(unit.path(), unit);
    }
    return new StackResult("base", "head", DiffMode.TREE, new DeployStack(byPath, List.of(List.copyOf(byPath.keySet()))),
        new TreeSet<>(), new TreeSet<>(ignored), new TreeSet<>(excluded), List.of(), List.of());
  }

  private static List<ChangedFile> changed(String... paths) {
    return Arrays.stream(paths).map(p -> new ChangedFile(p, ChangeKind.MODIFIED)).toList();
  }

  @Test
  void theSameUnitsHaveNoDifference() {
    StackResult ours = ours(Set.of(), Set.of("db"), unit("app", Reason.CHANGED));

    assertThat(ChangeConformance.compare(ours, new TreeSet<>(Set.of("app", "db")),
        changed("app/terragrunt.hcl", "db/main.tf"))).isEmpty();
  }

  @Test
  void aReaderOrAnOwnerFromAParentDirectoryIsTheDocumentedSuperset() {
    StackResult ours = ours(Set.of(), Set.of(),
        unit("app", Reason.reads("common/sizes.yaml")), unit("db", Reason.CHANGED));

    List<Difference> differences = ChangeConformance.compare(ours, new TreeSet<>(),
        changed("common/sizes.yaml", "db/modules/x/main.tf"));

    assertThat(differences).extracting(Difference::kind, Difference::subject, Difference::divergence).containsExactly(
        tuple(Kind.SELECTED_ONLY_TGLIVE, "app", Optional.of(Divergence.READERS_SUPERSET)),
        tuple(Kind.SELECTED_ONLY_TGLIVE, "db", Optional.of(Divergence.READERS_SUPERSET)));
  }

  @Test
  void aUnitOnlyWeSelectThoughAFileInItsDirectoryChangedIsUndocumented() {
    StackResult ours = ours(Set.of(), Set.of(), unit("app", Reason.CHANGED));

    assertThat(ChangeConformance.compare(ours, new TreeSet<>(), changed("app/terragrunt.hcl")))
        .singleElement().matches(Difference::undocumented);
  }

  @Test
  void aUnitOnlyTerragruntSelectsIsABugUnlessItsFileIsIgnored() {
    StackResult ours = ours(Set.of("docs/README.md"), Set.of());

    List<Difference> differences = ChangeConformance.compare(ours, new TreeSet<>(Set.of("docs", "vpc")),
        changed("docs/README.md", "vpc/terragrunt.hcl"));

    assertThat(differences).extracting(Difference::subject, Difference::undocumented)
        .containsExactly(tuple("docs", false), tuple("vpc", true));
    assertThat(differences.get(0).divergence()).contains(Divergence.IGNORED_FILE);
    assertThat(differences.get(1).kind()).isEqualTo(Kind.SELECTED_ONLY_TERRAGRUNT);
  }
}
