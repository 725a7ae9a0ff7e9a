package io.tglive.config;

import static io.tglive.config.ConfigFixture.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeAndLocalsTest {

  @TempDir Path tmp;
  ConfigFixture repo;

  @BeforeEach
  void setUp() {
    repo = new ConfigFixture(tmp);
  }

  @Test
  void localsEvaluateInDependencyOrderWhateverTheirSourceOrder() throws Exception {
    repo.unit("app", "locals {\n  c = \"${local.b}-c\"\n  b = \"${local.a}-b\"\n  a = \"a\"\n}\n");
    assertThat(repo.local("app", "c")).isEqualTo(str("a-b-c"));
  }

  @Test
  void cyclicLocalsNameTheCycle() {
    String message = repo.error("locals {\n  a = local.b\n  b = \"${local.c}\"\n  c = local.a\n}\n");
    assertThat(message).endsWith("terragrunt.hcl:2:3: cyclic locals: local.a -> local.b -> local.c -> local.a");
  }

  @Test
  void aCycleCannotBeHiddenByTry() {
    assertThat(repo.error("locals {\n  a = try(local.a, 1)\n}\n")).contains("cyclic locals: local.a -> local.a");
  }

  @Test
  void unknownVariablesAreErrors() {
    assertThat(repo.error("locals {\n  a = var.region\n}\n")).endsWith("terragrunt.hcl:2:7: unknown variable \"var\"");
    assertThat(repo.error("locals {\n  a = local.nope\n}\n")).contains("terragrunt.hcl:2:7: there is no local named \"nope\"");
  }

  @Test
  void shallowIncludeMergesDependencyBlocksByNameAndConcatenatesPaths() throws Exception {
    repo.file("live/root.hcl", "dependency \"vpc\" {\n  config_path = \"../vpc\"\n}\ndependency \"dns\" {\n  config_path = \"../dns\"\n}\ndependencies {\n  paths = [\"../iam\"]\n}\n");
    repo.unit("live/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\ndependency \"vpc\" {\n  config_path = \"../vpc2\"\n}\ndependencies {\n  paths = [\"../kms\"]\n}\n");
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.dependencies()).extracting(DependencyEdge::target)
        .containsExactly(repo.path("live/vpc2"), repo.path("live/dns"), repo.path("live/iam"), repo.path("live/kms"));
    assertThat(config.dependencies().get(0).name()).isEqualTo("vpc");
    assertThat(config.dependencies().get(2).origin()).isEqualTo(DependencyEdge.Origin.DEPENDENCIES_PATHS);
  }

  @Test
  void shallowIncludeReplacesTheWholeDependencyBlockWhileDeepMergesItsAttributes() throws Exception {
    String parent = "dependency \"vpc\" {\n  config_path = \"../vpc\"\n  enabled = false\n}\n";
    repo.file("live/shallow.hcl", parent).file("live/deep.hcl", parent);
    String child = "include {\n  path = \"../%s.hcl\"\n  merge_strategy = \"%s\"\n}\ndependency \"vpc\" {\n  config_path = \"../other\"\n}\n";
    repo.unit("live/s", String.format(child, "shallow", "shallow"));
    repo.unit("live/d", String.format(child, "deep", "deep"));
    assertThat(repo.evaluate("live/s").dependencies()).extracting(DependencyEdge::target).containsExactly(repo.path("live/other"));
    // Deep: the child's config_path wins, the parent's enabled = false survives.
    assertThat(repo.evaluate("live/d").dependencies()).isEmpty();
  }

  @Test
  void noMergeIncludeContributesNoEdges() throws Exception {
    repo.file("live/root.hcl", "dependency \"vpc\" {\n  config_path = \"../vpc\"\n}\ndependencies {\n  paths = [\"../iam\"]\n}\n");
    repo.unit("live/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n  merge_strategy = \"no_merge\"\n}\n");
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.dependencies()).isEmpty();
    assertThat(config.includes()).containsExactly(repo.path("live/root.hcl"));
    assertThat(config.reads()).contains(repo.path("live/root.hcl"), repo.path("live/app/terragrunt.hcl"));
  }

  @Test
  void includedFilesAreEvaluatedInTheUnitsContext() throws Exception {
    repo.file("live/_env/app.hcl", "locals {\n  here = get_terragrunt_dir()\n  parent = get_parent_terragrunt_dir()\n}\ndependency \"vpc\" {\n  config_path = \"../vpc\"\n}\ndependencies {\n  paths = [find_in_parent_folders(\"shared\")]\n}\n");
    repo.directory("live/dev/shared");
    repo.unit("live/dev/app", "include \"env\" {\n  path = \"${dirname(find_in_parent_folders(\"root.hcl\"))}/_env/app.hcl\"\n  expose = true\n}\nlocals {\n  here = include.env.locals.here\n  parent = include.env.locals.parent\n}\n");
    repo.file("live/root.hcl", "");
    UnitConfig config = repo.evaluate("live/dev/app");
    assertThat(config.dependencies()).extracting(DependencyEdge::target)
        .containsExactly(repo.path("live/dev/vpc"), repo.path("live/dev/shared"));
    assertThat(repo.local("live/dev/app", "here")).isEqualTo(str(repo.path("live/dev/app").toString()));
    assertThat(repo.local("live/dev/app", "parent")).isEqualTo(str(repo.path("live/_env").toString()));
  }

  @Test
  void multipleIncludesEachContributeEdgesThroughGetParentTerragruntDir() throws Exception {
    // Terragrunt fixture multiinclude-dependency: the edges come only from the includes.
    for (String dep : new String[] {"depa", "depb", "depc"}) {
      repo.file(dep + ".hcl", "dependency \"" + dep + "\" {\n  config_path = \"${get_parent_terragrunt_dir()}/" + dep + "\"\n}\n");
      repo.unit(dep, "");
    }
    repo.unit("main", "include \"depa\" {\n  path = \"../depa.hcl\"\n}\ninclude \"depb\" {\n  path = \"../depb.hcl\"\n}\ninclude \"depc\" {\n  path = \"../depc.hcl\"\n}\n");
    UnitConfig config = repo.evaluate("main");
    assertThat(config.dependencies()).extracting(DependencyEdge::target)
        .containsExactly(repo.path("depa"), repo.path("depb"), repo.path("depc"));
    assertThat(config.includes()).hasSize(3);
  }

  @Test
  void getParentTerragruntDirNeedsANameWithSeveralIncludes() throws Exception {
    repo.file("a.hcl", "").file("sub/b.hcl", "");
    repo.unit("app", "include \"a\" {\n  path = \"../a.hcl\"\n}\ninclude \"b\" {\n  path = \"../sub/b.hcl\"\n}\nlocals {\n  b = get_parent_terragrunt_dir(\"b\")\n}\n");
    assertThat(repo.local("app", "b")).isEqualTo(str(repo.path("sub").toString()));
    assertThat(repo.error("include \"a\" {\n  path = \"../../a.hcl\"\n}\ninclude \"b\" {\n  path = \"../../sub/b.hcl\"\n}\nlocals {\n  x = get_parent_terragrunt_dir()\n}\n"))
        .contains(":8:7: there are several include blocks");
  }

  @Test
  void bareIncludeWorksLikeALabelledOne() throws Exception {
    repo.file("root.hcl", "dependencies {\n  paths = [\"../vpc\"]\n}\n");
    repo.unit("app", "include {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n");
    assertThat(repo.evaluate("app").dependencies()).extracting(DependencyEdge::target).containsExactly(repo.path("vpc"));
  }

  @Test
  void onlyOneLevelOfIncludeIsAllowed() {
    repo.file("top.hcl", "");
    repo.file("root.hcl", "include \"top\" {\n  path = \"top.hcl\"\n}\n");
    String message = repo.error("include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n");
    assertThat(message).startsWith(repo.path("root.hcl") + ":1:1: " + repo.path("root.hcl") + " is included from ")
        .endsWith("only one level of include is allowed");
  }

  @Test
  void referencingAnIncludeThatIsNotExposedIsAnError() {
    repo.file("root.hcl", "locals {\n  x = 1\n}\n");
    assertThat(repo.error("include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\nlocals {\n  y = include.root.locals.x\n}\n"))
        .contains(":5:7: the include \"root\" is not exposed");
  }

  @Test
  void aMissingIncludedFileIsAnError() {
    assertThat(repo.error("include \"root\" {\n  path = \"nope.hcl\"\n}\n")).contains(":2:10: the included file").contains("nope.hcl does not exist");
  }

  @Test
  void childTerraformSourceAndExcludeOverrideTheIncludedOnes() throws Exception {
    repo.file("root.hcl", "terraform {\n  source = \"../modules//root\"\n}\nexclude {\n  if = true\n  actions = [\"all\"]\n}\n");
    repo.unit("a", "include {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n");
    repo.unit("b", "include {\n  path = find_in_parent_folders(\"root.hcl\")\n}\nterraform {\n  source = \"git::https://example.com/m.git//vpc?ref=v1\"\n}\nexclude {\n  if = false\n  actions = [\"plan\"]\n}\n");
    UnitConfig a = repo.evaluate("a");
    assertThat(a.terraformSource()).contains("../modules//root");
    assertThat(a.reads()).contains(repo.path("modules"));
    assertThat(a.exclude()).hasValueSatisfying(e -> assertThat(e.excludes("apply")).isTrue());
    UnitConfig b = repo.evaluate("b");
    assertThat(b.terraformSource()).contains("git::https://example.com/m.git//vpc?ref=v1");
    assertThat(b.reads()).doesNotContain(repo.path("modules"));
    assertThat(b.exclude()).hasValueSatisfying(e -> {
      assertThat(e.condition()).contains(false);
      assertThat(e.actions()).containsExactly("plan");
    });
  }

  @Test
  void aSingleExposedBareIncludeIsBoundAsTheIncludedConfigurationItself() throws Exception {
    repo.file("live/root.hcl", "locals {\n  region = \"eu\"\n}\ninputs = {\n  team = \"core\"\n}\n");
    repo.unit("live/app", "include {\n  path = find_in_parent_folders(\"root.hcl\")\n  expose = true\n}\nlocals {\n  region = include.locals.region\n  team = include.inputs.team\n}\n");
    assertThat(repo.local("live/app", "region")).isEqualTo(str("eu"));
    assertThat(repo.local("live/app", "team")).isEqualTo(str("core"));
  }

  @Test
  void aBareIncludeNextToLabelledOnesIsIncludeOfTheEmptyString() throws Exception {
    repo.file("live/root.hcl", "locals {\n  region = \"eu\"\n}\n");
    repo.file("live/env.hcl", "locals {\n  env = \"prod\"\n}\n");
    repo.unit("live/app", "include {\n  path = find_in_parent_folders(\"root.hcl\")\n  expose = true\n}\ninclude \"env\" {\n  path = find_in_parent_folders(\"env.hcl\")\n  expose = true\n}\nlocals {\n  region = include[\"\"].locals.region\n  env = include.env.locals.env\n}\n");
    assertThat(repo.local("live/app", "region")).isEqualTo(str("eu"));
    assertThat(repo.local("live/app", "env")).isEqualTo(str("prod"));
  }

  @Test
  void aBareIncludeThatIsNotExposedCannotBeReferenced() {
    repo.file("root.hcl", "locals {\n  region = \"eu\"\n}\n");
    assertThat(repo.error("include {\n  path = find_in_parent_folders(\"root.hcl\")\n}\nlocals {\n  region = include.locals.region\n}\n"))
        .contains("the include block without a label is not exposed");
  }
}
