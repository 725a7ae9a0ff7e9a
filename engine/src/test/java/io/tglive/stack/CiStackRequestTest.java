package io.tglive.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.change.DiffMode;
import io.tglive.policy.Account;
import io.tglive.policy.AccountMapping;
import io.tglive.testing.LiveRepo;
import io.tglive.testing.TestRepo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one entry point both front ends call for the stack of a CI build. */
class CiStackRequestTest {

  @TempDir Path dir;

  private TestRepo repo;
  private RevCommit base;

  @BeforeEach
  void baseCommit() {
    repo = TestRepo.init(dir);
    base = LiveRepo.write(repo).write(".tglive.yaml", """
        accounts:
          - {name: prod, path: live/prod, voters: [alice], approvalsRequired: 1}
        """).commit("base");
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private static CiStackRequest request(String base, String previousHead, boolean dependents, List<String> files,
      AccountMapping accounts) {
    return new CiStackRequest(base, null, previousHead, Map.of(), DiffMode.MERGE_BASE, dependents, false, files, false,
        accounts);
  }

  @Test
  void globalAccountsWhenThereAreAnyReplaceThoseOfTheSettingsFile() throws Exception {
    repo.write("live/prod/vpc/extra.tf", "# more\n").commit("vpc");
    AccountMapping global = new AccountMapping(List.of(new Account("everything", "", List.of("bob"), 1, 1)));

    CiStackResult withGlobal = request(base.name(), null, true, null, global).plan(dir);
    CiStackResult withoutGlobal = request(base.name(), null, true, null, AccountMapping.EMPTY).plan(dir);

    assertThat(withGlobal.accounts()).isEqualTo(CiStackResult.AccountSource.GLOBAL);
    assertThat(withGlobal.result().stack().units().get("live/prod/vpc").account()).isEqualTo("everything");
    assertThat(withoutGlobal.accounts()).isEqualTo(CiStackResult.AccountSource.REPOSITORY);
    assertThat(withoutGlobal.result().stack().units().get("live/prod/vpc").account()).isEqualTo("prod");
  }

  @Test
  void changedFilesAreNormalisedAndDependentsCanBeLeftOut() throws Exception {
    CiStackResult result = request(base.name(), null, false,
        List.of(" ./live/prod/vpc/terragrunt.hcl\r\n", "", ".//live/prod/vpc/terragrunt.hcl"), null).plan(dir);

    assertThat(result.result().stack().units()).containsOnlyKeys("live/prod/vpc");
    assertThat(result.revisions()).isEqualTo("base " + base.name() + " (given), head HEAD (the checked-out commit)");
  }

  @Test
  void theHeadOfThePreviousDeployIsTheDefaultBaseOfABranchBuild() throws Exception {
    RevCommit deployed = repo.write("live/prod/vpc/extra.tf", "# more\n").commit("vpc");
    repo.write("live/dev/app/extra.tf", "# more\n").commit("dev app");
    repo.write("live/dev/vpc/extra.tf", "# more\n").commit("dev vpc");

    CiStackResult result = request(null, deployed.name(), true, null, null).plan(dir);

    assertThat(result.result().base()).isEqualTo(deployed.name());
    assertThat(result.result().stack().units()).containsOnlyKeys("live/dev/vpc", "live/dev/app");
  }

  @Test
  void aPreviousHeadTheCloneLacksIsAnError() {
    String missing = "0123456789012345678901234567890123456789";

    assertThatThrownBy(() -> request(null, missing, true, null, null).plan(dir))
        .isInstanceOf(StackException.class)
        .hasMessageContaining("tried " + missing + " (head of the previous successful build); fetch more history");
  }

  @Test
  void travelsToAnAgentAsJavaSerialization() throws Exception {
    CiStackRequest request = new CiStackRequest("main", "HEAD", null, Map.of("X", "1"), DiffMode.TREE, false, true,
        List.of("a"), true, new AccountMapping(List.of(new Account("all", "", List.of("bob"), 1, 1))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(request);
    }

    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(request);
    }
  }

  @Test
  void rootConfigIsUnitMakesAnIncludedRootTerragruntHclAUnitOfTheStack() throws Exception {
    try (TestRepo other = TestRepo.init(dir.resolve("modern"))) {
      RevCommit first = other.write("terragrunt.hcl", "inputs = {\n  a = 1\n}\n")
          .write("app/terragrunt.hcl", "include \"root\" {\n  path = find_in_parent_folders(\"terragrunt.hcl\")\n}\n")
          .commit("base");
      other.write("terragrunt.hcl", "inputs = {\n  a = 2\n}\n").commit("root changed");
      CiStackRequest legacy = new CiStackRequest(first.name(), null, null, Map.of(), DiffMode.MERGE_BASE, true, false,
          null, false, null);
      CiStackRequest modern = new CiStackRequest(first.name(), null, null, Map.of(), DiffMode.MERGE_BASE, true, false,
          null, true, null);

      assertThat(legacy.plan(other.root()).result().stack().units()).containsOnlyKeys("app");
      assertThat(modern.plan(other.root()).result().stack().units()).containsOnlyKeys(".", "app");
    }
  }
}
