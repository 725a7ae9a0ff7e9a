package io.tglive.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.change.Reason;
import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code exclude} blocks shape a stack: a chain {@code c -> b -> a} (c depends on b, b on a). */
class ExcludeInStackTest {

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

  private RevCommit chain(String excludeOfB, String excludeOfC) {
    repo.write("a/terragrunt.hcl", "terraform {\n  source = \".\"\n}\n");
    repo.write("b/terragrunt.hcl", "dependency \"a\" {\n  config_path = \"../a\"\n}\n" + excludeOfB);
    repo.write("c/terragrunt.hcl", "dependency \"b\" {\n  config_path = \"../b\"\n}\n" + excludeOfC);
    return repo.commit("chain");
  }

  private static Map<String, String> units(StackResult result) {
    Map<String, String> units = new TreeMap<>();
    for (StackUnit unit : result.stack().units().values()) {
      units.put(unit.path(), "wave " + unit.wave() + " " + String.join(" ",
          unit.reasons().stream().map(Reason::toString).toList()) + " after " + unit.after());
    }
    return units;
  }

  @Test
  void anExcludedUnitInTheMiddleOfAChainPassesItsWaitAndItsReasonOn() throws Exception {
    RevCommit base = chain("exclude {\n  if = true\n  actions = [\"Apply\"]\n}\n", "");
    RevCommit head = repo.write("a/main.tf", "# changed\n").commit("a");

    StackResult result = StackPlanner.plan(dir, StackRequest.of(base.name(), head.name()));

    assertThat(result.excluded()).containsExactly("b");
    assertThat(units(result)).isEqualTo(Map.of(
        "a", "wave 0 changed after []",
        "c", "wave 1 dependent-of:a after [a]"));
  }

  @Test
  void excludeDependenciesAlsoExcludesTheDirectDependencies() throws Exception {
    RevCommit base = chain("", "exclude {\n  if = true\n  actions = [\"all_except_output\"]\n  exclude_dependencies = true\n}\n");
    RevCommit head = repo.write("a/main.tf", "# changed\n").write("c/main.tf", "# changed\n").commit("a and c");

    StackResult result = StackPlanner.plan(dir, StackRequest.of(base.name(), head.name()));

    assertThat(result.excluded()).containsExactly("b", "c");
    assertThat(units(result)).isEqualTo(Map.of("a", "wave 0 changed after []"));
  }

  @Test
  void anExcludeForOtherCommandsOnlyKeepsTheUnitInTheStack() throws Exception {
    RevCommit base = chain("exclude {\n  if = true\n  actions = [\"output\", \"destroy\"]\n}\n", "");
    RevCommit head = repo.write("a/main.tf", "# changed\n").commit("a");

    StackResult result = StackPlanner.plan(dir, StackRequest.of(base.name(), head.name()));

    assertThat(result.excluded()).isEmpty();
    assertThat(List.copyOf(result.stack().units().keySet())).containsExactly("a", "b", "c");
  }
}
