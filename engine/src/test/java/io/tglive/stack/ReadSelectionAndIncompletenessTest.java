package io.tglive.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.change.Reason;
import io.tglive.testing.LiveRepo;
import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files select which units through reads and probes, and when a stack says it may be incomplete. */
class ReadSelectionAndIncompletenessTest {

  @TempDir Path dir;

  private TestRepo repo;

  @BeforeEach
  void setUp() {
    repo = TestRepo.init(dir);
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private StackResult plan(RevCommit base, RevCommit head) throws StackException {
    return StackPlanner.plan(dir, StackRequest.of(base.name(), head.name()));
  }

  private static Map<String, String> units(StackResult result) {
    Map<String, String> units = new TreeMap<>();
    for (StackUnit unit : result.stack().units().values()) {
      units.put(unit.path(), unit.action().label() + " " + String.join(" ",
          unit.reasons().stream().map(Reason::toString).toList()));
    }
    return units;
  }

  @Test
  void aYamlReadByFileInAnIncludedRootsInputsSelectsEveryUnitIncludingTheRoot() throws Exception {
    repo.write("common.yaml", "region: eu\n");
    repo.write("root.hcl", "inputs = yamldecode(file(\"common.yaml\"))\n");
    for (String unit : new String[] {"live/a", "live/b"}) {
      repo.write(unit + "/terragrunt.hcl", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n");
    }
    RevCommit base = repo.commit("base");
    RevCommit head = repo.write("common.yaml", "region: us\n").commit("region");

    StackResult result = plan(base, head);

    assertThat(units(result)).isEqualTo(Map.of(
        "live/a", "apply reads:common.yaml",
        "live/b", "apply reads:common.yaml"));
    assertThat(result.complete()).isTrue();
  }

  @Test
  void aFileAppearingWhereFileexistsLooksSelectsTheUnit() throws Exception {
    repo.write("live/app/terragrunt.hcl",
        "locals {\n  extra = fileexists(\"../override.yaml\") ? yamldecode(file(\"../override.yaml\")) : {}\n}\n");
    RevCommit base = repo.commit("base");
    RevCommit added = repo.write("live/override.yaml", "size: 2\n").commit("override");
    RevCommit removed = repo.delete("live/override.yaml").commit("no override");

    assertThat(units(plan(base, added))).isEqualTo(Map.of("live/app", "apply probes:live/override.yaml reads:live/override.yaml"));
    assertThat(units(plan(added, removed))).isEqualTo(Map.of("live/app", "apply probes:live/override.yaml reads:live/override.yaml"));
  }

  @Test
  void aNearerFindInParentFoldersCandidateAppearingSelectsTheUnit() throws Exception {
    repo.write("env.hcl", "locals {\n  env = \"default\"\n}\n");
    repo.write("live/prod/app/terragrunt.hcl",
        "locals {\n  env = read_terragrunt_config(find_in_parent_folders(\"env.hcl\")).locals.env\n}\n");
    repo.write("live/dev/app/terragrunt.hcl", "locals {\n  x = 1\n}\n");
    RevCommit base = repo.commit("base");
    RevCommit head = repo.write("live/prod/env.hcl", "locals {\n  env = \"prod\"\n}\n").commit("prod env");

    StackResult result = plan(base, head);

    assertThat(units(result)).isEqualTo(Map.of(
        "live/prod/app", "apply probes:live/prod/env.hcl reads:live/prod/env.hcl"));
    assertThat(result.complete()).isTrue();
  }

  @Test
  void aChangedFileThatSelectsNothingMakesTheStackIncomplete() throws Exception {
    RevCommit base = LiveRepo.write(repo).commit("base");
    RevCommit head = repo.write("scripts/fmt.sh", "terraform fmt\n").commit("script");

    StackResult result = plan(base, head);

    assertThat(result.stack().isEmpty()).isTrue();
    assertThat(result.complete()).isFalse();
    assertThat(result.incompleteness()).containsExactly(
        "changed file scripts/fmt.sh selects no unit (add a glob to ignore in .tglive.yaml if it needs no deploy)");
  }

  @Test
  void aMissingDependencyTargetMakesTheStackIncomplete() throws Exception {
    RevCommit base = LiveRepo.write(repo).commit("base");
    RevCommit head = repo.write("live/dev/app/terragrunt.hcl",
        "dependency \"cache\" {\n  config_path = \"../cache\"\n}\n").commit("cache");

    StackResult result = plan(base, head);

    assertThat(result.missing()).containsExactly("live/dev/app -> live/dev/cache");
    assertThat(result.complete()).isFalse();
    assertThat(result.incompleteness())
        .contains("missing dependency live/dev/app -> live/dev/cache: no unit at the target");
  }

  @Test
  void aUnitThatCannotBeEvaluatedIsIncompleteWithoutFailingTheRepository() throws Exception {
    RevCommit base = LiveRepo.write(repo).commit("base");
    RevCommit head = repo.write("live/dev/app/terragrunt.hcl",
        "include \"root\" {\n  path = find_in_parent_folders(\"no-such-root.hcl\")\n}\n").commit("broken include");

    StackResult result = plan(base, head);

    assertThat(units(result)).containsEntry("live/dev/app", "apply changed");
    assertThat(result.complete()).isFalse();
    assertThat(result.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.unit()).isEqualTo("live/dev/app");
      assertThat(u.file()).isEqualTo("live/dev/app/terragrunt.hcl");
      assertThat(u.line()).isEqualTo(2);
      assertThat(u.reason()).contains("no-such-root.hcl");
    });
  }
}
