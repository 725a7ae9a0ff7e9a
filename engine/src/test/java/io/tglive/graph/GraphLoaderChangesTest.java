package io.tglive.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.tglive.change.ChangedFile;
import io.tglive.change.GitChanges;
import io.tglive.config.ConfigException;
import io.tglive.config.HclFileCache;
import io.tglive.config.TerragruntEvaluator;
import io.tglive.repo.GitTree;
import io.tglive.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GraphLoader#loadChanged} derives the head graph from the base graph and the tree diff; it
 * must equal the head graph loaded from scratch, and re-evaluate only what the change can affect.
 */
class GraphLoaderChangesTest {

  private static final LoadOptions OPTIONS = LoadOptions.defaults();

  @TempDir Path dir;

  /** The outcome of a load: the graph's observable parts, or the error. */
  private record Outcome(
      Map<String, UnitNode> units,
      Map<String, ?> missing,
      List<String> rootConfigurations,
      List<UnresolvedComponent> unresolvedStacks,
      List<String> diagnostics,
      String error) {

    static Outcome of(GraphLoad load) {
      try {
        LoadedGraph g = load.load();
        return new Outcome(g.graph().units(), g.graph().missing(), g.rootConfigurations(), g.unresolvedStacks(),
            g.diagnostics().stream().map(Object::toString).toList(), null);
      } catch (ConfigException | GraphCycleException e) {
        return new Outcome(null, null, null, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  @FunctionalInterface
  private interface GraphLoad {
    LoadedGraph load() throws ConfigException, GraphCycleException;
  }

  /** Counts evaluations of the head tree. */
  private static final class Counting implements GraphLoader.UnitEvaluator {
    final TerragruntEvaluator evaluator;
    final List<Path> evaluated = new ArrayList<>();

    Counting(GitTree tree, HclFileCache cache) {
      this.evaluator = new TerragruntEvaluator(tree, OPTIONS.environment(), cache);
    }

    @Override
    public synchronized io.tglive.config.UnitConfig evaluate(Path directory) throws ConfigException {
      evaluated.add(directory);
      return evaluator.evaluate(directory);
    }
  }

  private static List<String> changedPaths(TestRepo repo, RevCommit base, RevCommit head) throws Exception {
    return GitChanges.diff(repo.repository(), base, head).stream().map(ChangedFile::path).toList();
  }

  /** Loads base, derives head, loads head from scratch; asserts equality; returns the re-evaluated directories. */
  private List<Path> check(TestRepo repo, RevCommit base, RevCommit head, String what) throws Exception {
    GitTree baseTree = GitTree.of(repo.repository(), base);
    GitTree headTree = GitTree.of(repo.repository(), head);
    HclFileCache cache = new HclFileCache();
    LoadedGraph baseGraph;
    try {
      baseGraph = GraphLoader.loadForChanges(baseTree, OPTIONS, cache);
    } catch (ConfigException | GraphCycleException e) {
      return null;
    }
    Counting counting = new Counting(headTree, cache);
    List<String> changed = changedPaths(repo, base, head);
    Outcome derived = Outcome.of(() -> GraphLoader.loadChanged(baseGraph, baseTree, headTree, changed, OPTIONS, counting));
    Outcome scratch = Outcome.of(() -> GraphLoader.loadForChanges(headTree, OPTIONS, new HclFileCache()));
    assertThat(derived).as(what + "\nchanged: " + changed).isEqualTo(scratch);
    return counting.evaluated;
  }

  private TestRepo repo() {
    String unit = """
        locals {
          env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
        }
        terraform {
          source = "../../../modules/m"
        }
        """;
    return TestRepo.init(dir)
        .write("live/env.hcl", "locals {\n  env = \"a\"\n}\n")
        .write("modules/m/main.tf", "")
        .write("live/x/u/terragrunt.hcl", unit)
        .write("live/y/u/terragrunt.hcl", unit + "dependencies {\n  paths = [\"../../x/u\"]\n}\n");
  }

  @Test
  void onlyTheUnitWhoseFileChangedIsEvaluatedAgain() throws Exception {
    try (TestRepo repo = repo()) {
      RevCommit base = repo.commit("base");
      RevCommit head = repo.write("live/y/u/terragrunt.hcl", "# edited\n").commit("head");
      assertThat(check(repo, base, head, "edit")).containsExactly(dir.resolve("live/y/u"));
    }
  }

  @Test
  void changedLocalModuleDirectoryInvalidatesItsReaders() throws Exception {
    try (TestRepo repo = repo()) {
      RevCommit base = repo.commit("base");
      RevCommit head = repo.write("modules/m/variables.tf", "").commit("module");
      assertThat(check(repo, base, head, "module")).hasSize(2);
    }
  }

  @Test
  void fileAddedWhereALookupWouldNowFindItInvalidatesTheEvaluation() throws Exception {
    try (TestRepo repo = repo()) {
      RevCommit base = repo.commit("base");
      RevCommit head = repo.write("live/x/env.hcl", "locals {\n  env = \"b\"\n}\n").commit("closer env.hcl");
      assertThat(check(repo, base, head, "closer env.hcl")).containsExactly(dir.resolve("live/x/u"));
    }
  }

  @Test
  void unrelatedFilesInvalidateNothing() throws Exception {
    try (TestRepo repo = repo()) {
      RevCommit base = repo.commit("base");
      RevCommit head = repo.write("docs/readme.md", "x").write("live/notes.txt", "x").commit("docs");
      assertThat(check(repo, base, head, "docs")).isEmpty();
    }
  }

  @Test
  void symbolicLinksFallBackToAFullEvaluation() throws Exception {
    try (TestRepo repo = repo()) {
      repo.write("shared/env.hcl", "locals {\n  env = \"s\"\n}\n").delete("live/env.hcl").symlink("live/env.hcl", "../shared/env.hcl");
      RevCommit base = repo.commit("base");
      RevCommit head = repo.write("shared/env.hcl", "locals {\n  env = \"t\"\n}\n").commit("through the link");
      assertThat(check(repo, base, head, "link")).hasSize(2);
    }
  }

  // --- property: random repositories, random edits -------------------------------------------------

  private static final String[] ACCOUNTS = {"a1", "a2"};
  private static final String[] ENVS = {"dev", "prod"};

  /** A unit's terragrunt.hcl with random features; dependencies only on lower-numbered siblings (no cycles). */
  private static String unit(Random r, int index) {
    StringBuilder hcl = new StringBuilder();
    hcl.append("include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n");
    if (r.nextInt(3) == 0) {
      hcl.append("include \"common\" {\n  path = \"${dirname(find_in_parent_folders(\"root.hcl\"))}/_envcommon/c")
          .append(r.nextInt(2)).append(".hcl\"\n  expose = true\n}\n");
    }
    if (r.nextInt(3) == 0) {
      hcl.append("include \"account\" {\n  path = find_in_parent_folders()\n}\n");
    }
    hcl.append("locals {\n");
    hcl.append("  env = read_terragrunt_config(find_in_parent_folders(\"env.hcl\", \"none\"), {locals = {tier = \"x\"}})\n");
    hcl.append("  opt = read_terragrunt_config(\"${get_terragrunt_dir()}/opt.hcl\", {locals = {d = []}})\n");
    hcl.append("  extra = fileexists(\"${get_terragrunt_dir()}/../extra.hcl\")\n");
    hcl.append("  shared = find_in_parent_folders(\"_envcommon/shared.hcl\", \"none\")\n");
    hcl.append("}\n");
    if (index > 0 && r.nextBoolean()) {
      hcl.append("dependency \"d\" {\n  config_path = \"../u").append(r.nextInt(index)).append("\"\n}\n");
    }
    if (r.nextBoolean()) {
      hcl.append("dependencies {\n  paths = local.opt.locals.d\n}\n");
    }
    switch (r.nextInt(4)) {
      case 0 -> hcl.append("exclude {\n  if = local.env.locals.tier == \"off\"\n  actions = [\"all\"]\n}\n");
      case 1 -> hcl.append("exclude {\n  if = local.extra\n  actions = [\"apply\"]\n}\n");
      case 2 -> hcl.append("exclude {\n  if = fileexists(\"skip\")\n  actions = [\"plan\"]\n}\n");
      default -> {}
    }
    if (r.nextInt(3) == 0) {
      hcl.append("terraform {\n  source = \"${get_repo_root()}/modules/m").append(r.nextInt(2)).append("\"\n}\n");
    }
    if (r.nextInt(6) == 0) {
      hcl.append("dependency \"s\" {\n  config_path = local.shared == \"none\" ? \"../absent\" : \"../gone\"\n}\n");
    }
    return hcl.toString();
  }

  private static String env(Random r) {
    return "locals {\n  tier = \"" + (r.nextBoolean() ? "off" : "on") + "\"\n}\n";
  }

  private static String unitDir(Random r) {
    return "live/" + ACCOUNTS[r.nextInt(2)] + "/" + ENVS[r.nextInt(2)] + "/u" + r.nextInt(6);
  }

  private static void generate(TestRepo repo, Random r) {
    repo.write("root.hcl", "locals {\n  acct = read_terragrunt_config(find_in_parent_folders(\"account.hcl\", \"none\"), {locals = {}})\n}\n");
    repo.write("_envcommon/c0.hcl", "locals {\n  c = 0\n}\n");
    repo.write("_envcommon/c1.hcl", "locals {\n  c = 1\n}\n");
    repo.write("modules/m0/main.tf", "");
    repo.write("modules/m1/main.tf", "");
    for (String account : ACCOUNTS) {
      repo.write("live/" + account + "/terragrunt.hcl", "locals {\n  account = \"" + account + "\"\n}\n");
      if (r.nextBoolean()) {
        repo.write("live/" + account + "/main.tf", "");
      }
      if (r.nextBoolean()) {
        repo.write("live/" + account + "/account.hcl", "locals {\n  id = 1\n}\n");
      }
      for (String e : ENVS) {
        if (r.nextBoolean()) {
          repo.write("live/" + account + "/" + e + "/env.hcl", env(r));
        }
        int units = 1 + r.nextInt(5);
        for (int i = 0; i < units; i++) {
          repo.write("live/" + account + "/" + e + "/u" + i + "/terragrunt.hcl", unit(r, i));
        }
      }
    }
  }

  private static int index(String unitDir) {
    return Integer.parseInt(unitDir.substring(unitDir.lastIndexOf('u') + 1));
  }

  /** One random edit; returns what it did. */
  private static void remove(TestRepo repo, String path) {
    if (Files.exists(repo.root().resolve(path))) {
      repo.delete(path);
    }
  }

  private static String edit(TestRepo repo, Random r) {
    Path root = repo.root();
    String unit = unitDir(r);
    String account = "live/" + ACCOUNTS[r.nextInt(2)];
    switch (r.nextInt(16)) {
      case 0 -> {
        repo.write(unit + "/terragrunt.hcl", unit(r, index(unit)));
        return "write unit " + unit;
      }
      case 1 -> {
        remove(repo, unit);
        return "delete unit dir " + unit;
      }
      case 2 -> {
        repo.write(unit + "/opt.hcl", "locals {\n  d = [\"../u" + r.nextInt(Math.max(1, index(unit))) + "\"]\n}\n");
        return "write opt.hcl " + unit;
      }
      case 3 -> {
        remove(repo, unit + "/opt.hcl");
        return "delete opt.hcl " + unit;
      }
      case 4 -> {
        String at = switch (r.nextInt(4)) {
          case 0 -> account;
          case 1 -> unit;
          case 2 -> unit.substring(0, unit.lastIndexOf('/'));
          default -> "live";
        };
        if (r.nextBoolean()) {
          repo.write(at + "/env.hcl", env(r));
          return "write env.hcl " + at;
        }
        remove(repo, at + "/env.hcl");
        return "delete env.hcl " + at;
      }
      case 5 -> {
        String file = unit.substring(0, unit.lastIndexOf('/')) + "/extra.hcl";
        if (Files.exists(root.resolve(file))) {
          remove(repo, file);
        } else {
          repo.write(file, "");
        }
        return "toggle " + file;
      }
      case 6 -> {
        String file = unit + "/skip";
        if (Files.exists(root.resolve(file))) {
          remove(repo, file);
        } else {
          repo.write(file, "");
        }
        return "toggle " + file;
      }
      case 7 -> {
        String file = "modules/m" + r.nextInt(2) + "/v" + r.nextInt(2) + ".tf";
        if (Files.exists(root.resolve(file))) {
          remove(repo, file);
        } else {
          repo.write(file, "variable \"x\" {}\n");
        }
        return "toggle " + file;
      }
      case 8 -> {
        String file = account + "/main.tf";
        if (Files.exists(root.resolve(file))) {
          remove(repo, file);
        } else {
          repo.write(file, "");
        }
        return "toggle " + file;
      }
      case 9 -> {
        String file = (r.nextBoolean() ? unit : account) + "/_envcommon/shared.hcl";
        if (Files.exists(root.resolve(file))) {
          remove(repo, file);
        } else {
          repo.write(file, "");
        }
        return "toggle " + file;
      }
      case 10 -> {
        String file = "_envcommon/c" + r.nextInt(2) + ".hcl";
        repo.write(file, "locals {\n  c = " + r.nextInt(100) + "\n}\n");
        return "write " + file;
      }
      case 11 -> {
        String file = account + "/account.hcl";
        if (Files.exists(root.resolve(file))) {
          remove(repo, file);
        } else {
          repo.write(file, "locals {\n  id = 2\n}\n");
        }
        return "toggle " + file;
      }
      case 12 -> {
        String file = unit + "/terragrunt.stack.hcl";
        if (Files.exists(root.resolve(file))) {
          remove(repo, file);
        } else {
          repo.write(file, "");
        }
        return "toggle " + file;
      }
      case 13 -> {
        repo.write(unit + "/.terragrunt-cache/x/terragrunt.hcl", "broken {");
        return "hidden unit under " + unit;
      }
      case 14 -> {
        String to = unitDir(r) + "/nested";
        if (Files.isDirectory(root.resolve(unit)) && !Files.exists(root.resolve(to)) && !to.startsWith(unit + "/")) {
          repo.move(unit, to);
          return "move " + unit + " to " + to;
        }
        return "nothing";
      }
      default -> {
        repo.write("root.hcl", "locals {\n  acct = read_terragrunt_config(find_in_parent_folders(\"account.hcl\", \"none\"), "
            + "{locals = {}})\n  n = " + r.nextInt(100) + "\n}\n");
        return "write root.hcl";
      }
    }
  }

  @Test
  void derivedHeadGraphEqualsTheGraphLoadedFromScratchForRandomEdits() throws Exception {
    int compared = 0;
    int partial = 0;
    for (int trial = 0; trial < 80; trial++) {
      Random r = new Random(trial);
      Path repoDir = dir.resolve("t" + trial);
      try (TestRepo repo = TestRepo.init(repoDir)) {
        generate(repo, r);
        RevCommit base = repo.commit("base");
        List<String> edits = new ArrayList<>();
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
          edits.add(edit(repo, r));
        }
        RevCommit head = repo.commit("head");
        List<Path> evaluated = check(repo, base, head, "trial " + trial + ": " + edits);
        if (evaluated == null) {
          continue;
        }
        compared++;
        if (evaluated.size() < RepoScan.of(GitTree.of(repo.repository(), head), SkippedDirectories.of(List.of())).unitDirectories().size()) {
          partial++;
        }
      }
    }
    assertThat(compared).as("trials with a valid base").isGreaterThan(60);
    assertThat(partial).as("trials where evaluations were reused").isGreaterThan(compared / 2);
  }
}
