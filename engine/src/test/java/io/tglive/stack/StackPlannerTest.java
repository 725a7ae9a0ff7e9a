package io.tglive.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tglive.change.DiffMode;
import io.tglive.change.Reason;
import io.tglive.graph.LoadOptions;
import io.tglive.policy.Account;
import io.tglive.policy.AccountMapping;
import io.tglive.testing.LiveRepo;
import io.tglive.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPlannerTest {

  @TempDir Path dir;

  private TestRepo repo;
  private RevCommit base;

  @BeforeEach
  void baseCommit() {
    repo = TestRepo.init(dir);
    base = LiveRepo.write(repo).commit("base");
  }

  @AfterEach
  void close() {
    repo.close();
  }

  private StackResult plan(RevCommit head) throws StackException {
    return StackPlanner.plan(dir, StackRequest.of(base.name(), head.name()));
  }

  /** Each unit as {@code action reasons…}. */
  private static Map<String, String> units(StackResult result) {
    Map<String, String> units = new TreeMap<>();
    for (StackUnit unit : result.stack().units().values()) {
      units.put(unit.path(), unit.action().label() + " " + String.join(" ",
          unit.reasons().stream().map(Reason::toString).toList()));
    }
    return units;
  }

  @Test
  void modifiedUnitIsAppliedWithItsDependents() throws Exception {
    RevCommit head = repo.write("live/prod/vpc/extra.tf", "# more\n").commit("vpc");

    StackResult result = plan(head);

    assertThat(units(result)).isEqualTo(Map.of(
        "live/prod/vpc", "apply changed",
        "live/prod/app", "apply dependent-of:live/prod/vpc",
        "live/prod/dns", "apply dependent-of:live/prod/app"));
    assertThat(result.stack().order())
        .containsExactly(List.of("live/prod/vpc"), List.of("live/prod/app"), List.of("live/prod/dns"));
    assertThat(result.base()).isEqualTo(base.name());
    assertThat(result.head()).isEqualTo(head.name());
    assertThat(result.complete()).isTrue();
  }

  @Test
  void aUnitItsExcludeBlockKeepsOutOfApplyIsListedNotDeployedAndItsDependentsStillAre() throws Exception {
    RevCommit head = repo.write("live/prod/vpc/terragrunt.hcl", LiveRepo.unit("", """
            terraform {
              source = "../../../modules/vpc"
            }
            exclude {
              if      = local.env.locals.env == "prod"
              actions = ["plan", "apply"]
            }
            """)).commit("freeze the prod vpc and change it");

    StackResult result = plan(head);

    assertThat(result.excluded()).containsExactly("live/prod/vpc");
    assertThat(units(result)).isEqualTo(Map.of(
        "live/prod/app", "apply dependent-of:live/prod/vpc",
        "live/prod/dns", "apply dependent-of:live/prod/app"));
    assertThat(result.stack().units().get("live/prod/app").after()).isEmpty();
    assertThat(result.stack().order()).containsExactly(List.of("live/prod/app"), List.of("live/prod/dns"));
  }

  @Test
  void addedUnitIsApplied() throws Exception {
    RevCommit head = repo.write("live/dev/dns/terragrunt.hcl", LiveRepo.unit("", "")).commit("dns");

    assertThat(units(plan(head))).isEqualTo(Map.of("live/dev/dns", "apply added"));
  }

  @Test
  void deletedUnitIsDestroyedFromTheBaseTreeAfterItsFormerDependentsChange() throws Exception {
    RevCommit head = repo.delete("live/prod/dns").commit("drop dns");

    StackResult result = plan(head);

    assertThat(units(result)).isEqualTo(Map.of("live/prod/dns", "destroy deleted"));
    assertThat(result.stack().units().get("live/prod/dns").action()).isEqualTo(StackAction.DESTROY);
  }

  @Test
  void renamedUnitIsDestroyedAtItsOldPathAndAddedAtItsNewOne() throws Exception {
    RevCommit head = repo.move("live/prod/dns", "live/prod/dns2").commit("rename");

    StackResult result = plan(head);

    assertThat(units(result)).isEqualTo(Map.of(
        "live/prod/dns", "destroy deleted",
        "live/prod/dns2", "apply added"));
  }

  @Test
  void rootConfigurationChangeSelectsEveryUnit() throws Exception {
    RevCommit head = repo.write("root.hcl", "locals {\n  project = \"renamed\"\n}\n").commit("root");

    StackResult result = plan(head);

    assertThat(result.stack().units()).containsOnlyKeys(
        "live/dev/app", "live/dev/vpc", "live/prod/app", "live/prod/dns", "live/prod/vpc");
    assertThat(result.stack().units().get("live/prod/dns").reasons())
        .containsExactly(Reason.reads("root.hcl"));
  }

  @Test
  void environmentFileSelectsOnlyTheSubtreeReadingIt() throws Exception {
    RevCommit head = repo.write("live/dev/env.hcl", "locals {\n  env = \"development\"\n}\n").commit("env");

    assertThat(units(plan(head))).isEqualTo(Map.of(
        "live/dev/app", "apply reads:live/dev/env.hcl",
        "live/dev/vpc", "apply reads:live/dev/env.hcl"));
  }

  @Test
  void envcommonIncludeSelectsTheUnitsIncludingIt() throws Exception {
    RevCommit head = repo.write("_envcommon/app.hcl", "locals {\n  size = \"large\"\n}\n").commit("envcommon");

    assertThat(units(plan(head))).isEqualTo(Map.of(
        "live/dev/app", "apply reads:_envcommon/app.hcl",
        "live/prod/app", "apply reads:_envcommon/app.hcl",
        "live/prod/dns", "apply dependent-of:live/prod/app"));
  }

  @Test
  void fileReadWithFileFunctionSelectsItsReader() throws Exception {
    RevCommit head = repo.write("live/prod/app/policy.json", "{\"v\": 2}\n").commit("policy");

    assertThat(units(plan(head))).containsEntry("live/prod/app", "apply changed");

    repo.write("shared/tags.json", "{}\n")
        .write("live/dev/vpc/terragrunt.hcl", LiveRepo.unit(
            "  tags = file(\"${get_terragrunt_dir()}/../../../shared/tags.json\")\n", ""))
        .commit("tags");
    RevCommit later = repo.write("shared/tags.json", "{\"team\": \"a\"}\n").commit("tags change");
    StackResult result = StackPlanner.plan(dir, StackRequest.of(later.getParent(0).name(), later.name()));

    assertThat(units(result)).isEqualTo(Map.of(
        "live/dev/vpc", "apply reads:shared/tags.json",
        "live/dev/app", "apply dependent-of:live/dev/vpc"));
  }

  @Test
  void localModuleChangeSelectsTheUnitsSourcingIt() throws Exception {
    RevCommit head = repo.write("modules/vpc/outputs.tf", "output \"id\" {}\n").commit("module");

    StackResult result = plan(head);

    assertThat(result.stack().units().get("live/dev/vpc").reasons())
        .containsExactly(Reason.reads("modules/vpc/outputs.tf"));
    assertThat(result.stack().units()).containsOnlyKeys(
        "live/dev/app", "live/dev/vpc", "live/prod/app", "live/prod/dns", "live/prod/vpc");
  }

  @Test
  void ignoredReadmeDeploysNothingAndUnreadFilesAreUnmapped() throws Exception {
    RevCommit head = repo.write("README.md", "# changed\n").write("scripts/fmt.sh", "terraform fmt\n").commit("docs");

    StackResult result = plan(head);

    assertThat(result.stack().isEmpty()).isTrue();
    assertThat(result.ignored()).containsExactly("README.md");
    assertThat(result.unmapped()).containsExactly("scripts/fmt.sh");
  }

  @Test
  void aChangeToThePolicyFileDeploysNothingAndLeavesTheStackComplete() throws Exception {
    RevCommit head = repo.write(".tglive.yaml", "accounts: []\n").commit("policy");

    StackResult result = plan(head);

    assertThat(result.stack().isEmpty()).isTrue();
    assertThat(result.ignored()).containsExactly(".tglive.yaml");
    assertThat(result.complete()).isTrue();
  }

  @Test
  void accountDependenciesOrderUnitsAfterTheAccountsTheyDependOn() throws Exception {
    repo.write(".tglive.yaml", """
        accounts:
          - {name: dev, path: live/dev, voters: [alice], approvalsRequired: 0}
          - {name: prod, path: live/prod, voters: [bob, "group:ops"], approvalsRequired: 2, dependencies: [dev]}
        """).commit("accounts");
    RevCommit head = repo.write("root.hcl", "locals {\n  project = \"x\"\n}\n").commit("root");

    StackResult result = StackPlanner.plan(dir, StackRequest.of("HEAD~1", "HEAD"));

    assertThat(result.stack().order()).containsExactly(
        List.of("live/dev/vpc"), List.of("live/dev/app"), List.of("live/prod/vpc"), List.of("live/prod/app"),
        List.of("live/prod/dns"));
    StackUnit prodVpc = result.stack().units().get("live/prod/vpc");
    assertThat(prodVpc.after()).containsExactly("live/dev/app", "live/dev/vpc");
    assertThat(prodVpc.dependencies()).isEmpty();
    assertThat(prodVpc.account()).isEqualTo("prod");
    assertThat(prodVpc.policy()).isEqualTo(new ApprovalPolicy(List.of("bob", "group:ops"), 2, 1));
    assertThat(result.head()).isEqualTo(head.name());
  }

  @Test
  void aChangeToTheSettingsDoesNotGovernItsOwnStack() throws Exception {
    repo.write(".tglive.yaml", """
        accounts:
          - {name: prod, path: live/prod, voters: [bob], approvalsRequired: 1}
        """).commit("accounts");
    repo.write(".tglive.yaml", """
        accounts:
          - {name: prod, path: live/prod, voters: [mallory], approvalsRequired: 0}
        ignore: ["live/prod/**"]
        """);
    RevCommit head = repo.write("live/prod/vpc/extra.tf", "# more\n").commit("grant myself prod and change the vpc");

    StackResult result = StackPlanner.plan(dir, StackRequest.of("HEAD~1", head.name()));

    StackUnit vpc = result.stack().units().get("live/prod/vpc");
    assertThat(vpc).as("not ignored by the change's own ignore glob").isNotNull();
    assertThat(vpc.account()).isEqualTo("prod");
    assertThat(vpc.policy()).isEqualTo(new ApprovalPolicy(List.of("bob"), 1, 1));
  }

  @Test
  void accountsGivenWithTheRequestReplaceThoseOfTheSettingsFile() throws Exception {
    repo.write(".tglive.yaml", """
        accounts:
          - {name: prod, path: live/prod, voters: [mallory], approvalsRequired: 0}
        """).commit("accounts");
    RevCommit head = repo.write("live/prod/vpc/extra.tf", "# more\n").commit("vpc");
    AccountMapping configured = new AccountMapping(List.of(
        new Account("production", "live/prod", List.of("bob", "carol"), 2, 1, List.of(), null)));

    StackResult result = StackPlanner.plan(dir, StackRequest.of("HEAD~1", head.name()).withAccounts(configured));

    StackUnit vpc = result.stack().units().get("live/prod/vpc");
    assertThat(vpc.account()).isEqualTo("production");
    assertThat(vpc.policy()).isEqualTo(new ApprovalPolicy(List.of("bob", "carol"), 2, 1));
  }

  @Test
  void deletingAUnitStillDependedOnIsAnErrorNamingBoth() throws Exception {
    RevCommit head = repo.delete("live/prod/vpc").commit("drop vpc");

    assertThatThrownBy(() -> plan(head))
        .isInstanceOf(StackException.class)
        .hasMessageStartingWith("deleted unit live/prod/vpc is still a dependency of live/prod/app (")
        .hasMessageContaining("live/prod/app/terragrunt.hcl:");
  }

  @Test
  void mergeBaseDiffIgnoresBaseBranchChangesThatTreeDiffIncludes() throws Exception {
    repo.branch("feature");
    RevCommit feature = repo.write("live/dev/vpc/extra.tf", "# feature\n").commit("feature");
    repo.checkout("main");
    RevCommit main = repo.write("live/prod/dns/extra.tf", "# main\n").commit("main after branching");

    StackRequest mergeBase = StackRequest.of("main", "feature");
    StackResult introduced = StackPlanner.plan(dir, mergeBase);
    StackResult tree = StackPlanner.plan(dir, new StackRequest("main", "feature", DiffMode.TREE, true, false,
        Optional.empty(), LoadOptions.defaults()));

    assertThat(introduced.stack().units()).containsOnlyKeys("live/dev/vpc", "live/dev/app");
    assertThat(introduced.base()).isEqualTo(base.name());
    assertThat(tree.stack().units()).containsOnlyKeys("live/dev/vpc", "live/dev/app", "live/prod/dns");
    assertThat(tree.base()).isEqualTo(main.name());
    assertThat(feature).isNotNull();
  }

  @Test
  void changedFilesListReplacesTheDiff() throws Exception {
    RevCommit head = repo.write("live/prod/vpc/extra.tf", "# more\n").commit("vpc");

    StackResult result = StackPlanner.plan(dir, new StackRequest(base.name(), head.name(), DiffMode.MERGE_BASE,
        false, false, Optional.of(List.of("_envcommon/app.hcl", "nowhere.txt")), LoadOptions.defaults()));

    assertThat(units(result)).isEqualTo(Map.of(
        "live/dev/app", "apply reads:_envcommon/app.hcl",
        "live/prod/app", "apply reads:_envcommon/app.hcl"));
    assertThat(result.unmapped()).containsExactly("nowhere.txt");
  }

  @Test
  void unknownRevisionIsAnErrorNamingIt() {
    assertThatThrownBy(() -> StackPlanner.plan(dir, StackRequest.of("main", "no-such-branch")))
        .isInstanceOf(StackException.class)
        .hasMessage("unknown revision 'no-such-branch'");
  }

  @Test
  void directoryWithoutGitIsAnError(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> StackPlanner.plan(elsewhere, StackRequest.of("main", "main")))
        .isInstanceOf(StackException.class)
        .hasMessageEndingWith("not a git repository");
  }

  @Test
  void policyComesFromTheTargetTipNotFromTheOlderMergeBase() throws Exception {
    repo.write(".tglive.yaml", """
        accounts:
          - {name: prod, path: live/prod, voters: [mallory], approvalsRequired: 0}
        ignore: ["live/prod/vpc/*.tf"]
        """).commit("lax policy");
    repo.branch("feature");
    RevCommit feature = repo.write("live/prod/vpc/extra.tf", "# more\n").commit("change the vpc");
    repo.checkout("main");
    RevCommit tightened = repo.write(".tglive.yaml", """
        accounts:
          - {name: prod, path: live/prod, voters: [alice, bob], approvalsRequired: 2}
        """).commit("tighten the policy");

    StackResult result = StackPlanner.plan(dir, StackRequest.of("main", feature.name()));

    assertThat(result.base()).as("the diff still starts at the merge base").isNotEqualTo(tightened.name());
    StackUnit vpc = result.stack().units().get("live/prod/vpc");
    assertThat(vpc).as("not ignored by the merge base's glob").isNotNull();
    assertThat(vpc.policy()).isEqualTo(new ApprovalPolicy(List.of("alice", "bob"), 2, 1));
    assertThat(result.ignored()).isEmpty();
  }

  @Test
  void anInvalidPolicyAtTheTargetTipIsAnErrorNamingTheFileAndCommit() throws Exception {
    RevCommit broken = repo.write(".tglive.yaml", "accounts:\n  - {name: prod, path: live/prod, voters: [*lead]}\n")
        .commit("broken policy");
    RevCommit head = repo.write("live/prod/vpc/extra.tf", "# more\n").commit("vpc");

    assertThatThrownBy(() -> StackPlanner.plan(dir, StackRequest.of(broken.name(), head.name())))
        .isInstanceOf(StackException.class)
        .hasMessage(".tglive.yaml at " + broken.abbreviate(10).name() + ":2:44: found undefined alias lead in 'voters'");
  }

  @Test
  void theDestroyOfADeletedUnitRunsBeforeTheApplyOfAUnitItDependedOnAtBase() throws Exception {
    RevCommit head = repo.delete("live/prod/dns").write("live/prod/app/extra.tf", "# more\n").commit("drop dns");

    StackResult result = plan(head);

    assertThat(result.stack().order()).containsExactly(List.of("live/prod/dns"), List.of("live/prod/app"));
    assertThat(result.stack().units().get("live/prod/app").after()).containsExactly("live/prod/dns");
    assertNoDestroyRunsConcurrentlyWithAConnectedApply(result);
  }

  @Test
  void theDestroyOfADeletedUnitWaitsForTheApplyOfAUnitThatDependedOnItAtBase() throws Exception {
    RevCommit head = repo.delete("live/prod/app").write("live/prod/dns/terragrunt.hcl", LiveRepo.unit("", """
        dependency "vpc" {
          config_path = "../vpc"
        }
        """)).commit("dns uses the vpc directly; drop app");

    StackResult result = plan(head);

    assertThat(result.stack().order()).containsExactly(List.of("live/prod/dns"), List.of("live/prod/app"));
    assertThat(result.stack().units().get("live/prod/app").action()).isEqualTo(StackAction.DESTROY);
    assertNoDestroyRunsConcurrentlyWithAConnectedApply(result);
  }

  @Test
  void aDestroyThatMustRunBothBeforeAndAfterAppliesIsAnErrorThatSaysToSplitTheChange() throws Exception {
    RevCommit head = repo.delete("live/prod/app")
        .write("live/prod/vpc/extra.tf", "# more\n")
        .write("live/prod/dns/terragrunt.hcl", LiveRepo.unit("", """
            dependency "vpc" {
              config_path = "../vpc"
            }
            """)).commit("dns uses the changed vpc directly; drop app");

    assertThatThrownBy(() -> plan(head))
        .isInstanceOf(StackException.class)
        .hasMessage("""
            the stack cannot be ordered: live/prod/app waits for live/prod/dns waits for live/prod/vpc waits for live/prod/app
              live/prod/app waits for live/prod/dns: live/prod/dns depended on it at base
              live/prod/dns waits for live/prod/vpc: it depends on it
              live/prod/vpc waits for live/prod/app: deleted live/prod/app depended on it at base and is destroyed before it changes
              a deleted unit cannot be destroyed both before and after these applies: split the change (first move its dependents off it, then delete it)""");
  }

  /** Every destroy and every apply of a unit connected to it (either direction) are ordered, never in one wave. */
  private static void assertNoDestroyRunsConcurrentlyWithAConnectedApply(StackResult result) {
    Map<String, StackUnit> units = result.stack().units();
    for (StackUnit destroy : units.values()) {
      if (destroy.action() != StackAction.DESTROY) {
        continue;
      }
      java.util.Set<String> connected = new java.util.TreeSet<>(destroy.dependencies());
      connected.addAll(destroy.dependents());
      for (String other : connected) {
        StackUnit apply = units.get(other);
        if (apply.action() == StackAction.APPLY) {
          assertThat(apply.after().contains(destroy.path()) || destroy.after().contains(apply.path()))
              .as("%s and %s are ordered", destroy.path(), apply.path()).isTrue();
        }
      }
    }
  }
}
