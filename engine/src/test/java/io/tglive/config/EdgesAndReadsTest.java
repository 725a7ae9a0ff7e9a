package io.tglive.config;

import static io.tglive.config.ConfigFixture.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgesAndReadsTest {

  @TempDir Path tmp;
  ConfigFixture repo;

  @BeforeEach
  void setUp() {
    repo = new ConfigFixture(tmp);
  }

  @Test
  void edgesResolveFromTheUnitAndDeduplicateByTargetIgnoringTrailingSlashes() throws Exception {
    repo.unit("region-1/unit-a", "dependency \"b\" {\n  config_path = \"../../region-2/unit-b/\"\n}\ndependencies {\n  paths = [\"../../region-2/unit-b\", \"${get_terragrunt_dir()}/../c\"]\n}\n");
    UnitConfig config = repo.evaluate("region-1/unit-a");
    assertThat(config.dependencies()).extracting(DependencyEdge::target)
        .containsExactly(repo.path("region-2/unit-b"), repo.path("region-1/c"));
    DependencyEdge first = config.dependencies().get(0);
    assertThat(first.origin()).isEqualTo(DependencyEdge.Origin.DEPENDENCY_BLOCK);
    assertThat(first.location()).isEqualTo(new Location(repo.path("region-1/unit-a/terragrunt.hcl"), 2));
  }

  @Test
  void findInParentFoldersDirectoryLookupAndDirnameOfRootAreEdges() throws Exception {
    repo.directory("live/sg").file("live/root.hcl", "");
    repo.unit("live/prod/app", "dependency \"sg\" {\n  config_path = find_in_parent_folders(\"sg\")\n}\ndependency \"vpc\" {\n  config_path = \"${dirname(find_in_parent_folders(\"root.hcl\"))}/_env/vpc\"\n}\n");
    assertThat(repo.evaluate("live/prod/app").dependencies()).extracting(DependencyEdge::target)
        .containsExactly(repo.path("live/sg"), repo.path("live/_env/vpc"));
  }

  @Test
  void aFailingConfigPathIsAnUnresolvedEdgeNotAFatalError() throws Exception {
    // Terragrunt fixture find/dynamic-dependency-config-path: Terragrunt drops the edge; we report it.
    repo.unit("unit", "dependency \"dep\" {\n  config_path = read_terragrunt_config(\"does-not-exist.hcl\").locals.aws_region == \"x\" ? \"../a\" : \"../b\"\n}\ndependency \"ok\" {\n  config_path = \"../ok\"\n}\n");
    UnitConfig config = repo.evaluate("unit");
    assertThat(config.dependencies()).extracting(DependencyEdge::target).containsExactly(repo.path("ok"));
    assertThat(config.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.location()).isEqualTo(new Location(repo.path("unit/terragrunt.hcl"), 2));
      assertThat(u.expression()).startsWith("read_terragrunt_config(\"does-not-exist.hcl\")").endsWith("\"../b\"");
      assertThat(u.reason()).contains("does-not-exist.hcl does not exist");
    });
  }

  @Test
  void unknownConfigPathsAreUnresolvedAndNeverGuessed() throws Exception {
    repo.unit("app", "dependency \"vpc\" {\n  config_path = values.vpc_path\n}\ndependency \"alb\" {\n  config_path = dependency.vpc.outputs.public ? \"../alb-public\" : \"../alb-private\"\n}\n");
    UnitConfig config = repo.evaluate("app");
    assertThat(config.dependencies()).isEmpty();
    assertThat(config.unresolved()).extracting(UnresolvedEdge::expression)
        .containsExactly("values.vpc_path", "dependency.vpc.outputs.public ? \"../alb-public\" : \"../alb-private\"");
    assertThat(config.unresolved().get(0).reason()).contains("values.* is only known when a stack generates the unit");
    assertThat(config.unresolved().get(1).reason()).contains("outputs of dependency \"vpc\"");
  }

  @Test
  void unknownPathsEntriesAreUnresolvedOneByOne() throws Exception {
    repo.unit("app", "dependencies {\n  paths = [\"../a\", values.b, \"../c\"]\n}\n");
    UnitConfig config = repo.evaluate("app");
    assertThat(config.dependencies()).extracting(DependencyEdge::target).containsExactly(repo.path("a"), repo.path("c"));
    assertThat(config.unresolved()).extracting(UnresolvedEdge::expression).containsExactly("values.b");
  }

  @Test
  void aWhollyUnknownPathsListIsOneUnresolvedEdge() throws Exception {
    repo.unit("app", "dependencies {\n  paths = values.paths\n}\n");
    assertThat(repo.evaluate("app").unresolved()).extracting(UnresolvedEdge::expression).containsExactly("values.paths");
  }

  @Test
  void disabledDependenciesAreNotEdgesAndUnknownEnabledIsUnresolved() throws Exception {
    repo.unit("app", "dependency \"off\" {\n  config_path = \"../off\"\n  enabled = false\n}\ndependency \"maybe\" {\n  config_path = \"../maybe\"\n  enabled = values.maybe\n}\ndependency \"on\" {\n  config_path = \"../on\"\n  enabled = true\n}\n");
    UnitConfig config = repo.evaluate("app");
    assertThat(config.dependencies()).extracting(DependencyEdge::target).containsExactly(repo.path("on"));
    assertThat(config.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("\"../maybe\"");
      assertThat(u.reason()).startsWith("enabled is unknown");
    });
  }

  @Test
  void readTerragruntConfigSwitchesContextToTheReadFile() throws Exception {
    repo.file("live/env.hcl", "locals {\n  env = \"dev\"\n  here = get_terragrunt_dir()\n  original = get_original_terragrunt_dir()\n  parent_region = find_in_parent_folders(\"region.hcl\", \"none\")\n}\n");
    repo.file("live/dev/region.hcl", "");
    repo.unit("live/dev/app", "locals {\n  env = read_terragrunt_config(find_in_parent_folders(\"env.hcl\"))\n}\n");
    Value env = repo.local("live/dev/app", "env");
    Value locals = ExpressionEvaluator.getAttr(env, "locals");
    assertThat(ExpressionEvaluator.getAttr(locals, "env")).isEqualTo(str("dev"));
    assertThat(ExpressionEvaluator.getAttr(locals, "here")).isEqualTo(str(repo.path("live").toString()));
    assertThat(ExpressionEvaluator.getAttr(locals, "original")).isEqualTo(str(repo.path("live/dev/app").toString()));
    assertThat(ExpressionEvaluator.getAttr(locals, "parent_region")).isEqualTo(str("none"));
    assertThat(repo.evaluate("live/dev/app").reads()).contains(repo.path("live/env.hcl"));
  }

  @Test
  void dependencyBlocksOfAReadFileAreNotEdgesButTheirPathsAreReadable() throws Exception {
    // Terragrunt fixture find/read-terragrunt-config.
    repo.file("common_deps.hcl", "dependency \"vpc\" {\n  config_path = \"vpc\"\n}\n");
    repo.unit("app", "locals {\n  deps = read_terragrunt_config(\"../common_deps.hcl\")\n  vpc_path = local.deps.dependency.vpc.config_path\n  vpc_id = local.deps.dependency.vpc.outputs.id\n}\n");
    UnitConfig config = repo.evaluate("app");
    assertThat(config.dependencies()).isEmpty();
    assertThat(config.unresolved()).isEmpty();
    assertThat(config.reads()).contains(repo.path("common_deps.hcl"));
    assertThat(repo.local("app", "vpc_path")).isEqualTo(str("vpc"));
    assertThat(repo.local("app", "vpc_id")).isInstanceOf(Value.UnknownValue.class);
  }

  @Test
  void readTerragruntConfigOfAMissingFileReturnsTheDefaultOrFails() throws Exception {
    assertThat(repo.eval("read_terragrunt_config(\"nope.hcl\", {locals = {x = 1}}).locals.x")).isEqualTo(Value.number(1));
    assertThat(repo.error("locals {\n  x = read_terragrunt_config(\"nope.hcl\")\n}\n"))
        .contains(":2:7: read_terragrunt_config: argument 1: the configuration").contains("nope.hcl does not exist");
  }

  @Test
  void readTerragruntConfigOfADirectoryReadsItsTerragruntHcl() throws Exception {
    repo.unit("vpc", "inputs = {\n  cidr = \"10.0.0.0/16\"\n}\n");
    assertThat(repo.eval("read_terragrunt_config(\"../../vpc\").inputs.cidr")).isEqualTo(str("10.0.0.0/16"));
  }

  @Test
  void readResultsAreSharedAcrossUnitsUnlessTheyDependOnTheReader() throws Exception {
    repo.file("account.hcl", "locals {\n  id = \"123\"\n}\n");
    repo.file("reader.hcl", "locals {\n  who = basename(get_original_terragrunt_dir())\n}\n");
    String unit = "locals {\n  id = read_terragrunt_config(find_in_parent_folders(\"account.hcl\")).locals.id\n  who = read_terragrunt_config(find_in_parent_folders(\"reader.hcl\")).locals.who\n}\n";
    repo.unit("a", unit).unit("b", unit);
    assertThat(repo.local("a", "who")).isEqualTo(str("a"));
    assertThat(repo.local("b", "who")).isEqualTo(str("b"));
    assertThat(repo.local("b", "id")).isEqualTo(str("123"));
  }

  @Test
  void readFilesCanIncludeAndTheirIncludesAreReads() throws Exception {
    repo.file("root.hcl", "inputs = {\n  region = \"eu\"\n  env = \"root\"\n}\n");
    repo.file("common/env.hcl", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\ninputs = {\n  env = \"dev\"\n}\n");
    repo.unit("app", "locals {\n  inputs = read_terragrunt_config(\"../common/env.hcl\").inputs\n}\n");
    assertThat(repo.local("app", "inputs")).isEqualTo(Value.object(java.util.Map.of("region", str("eu"), "env", str("dev"))));
    assertThat(repo.evaluate("app").reads()).contains(repo.path("root.hcl"), repo.path("common/env.hcl"));
  }

  @Test
  void readingAFileThatReadsItselfIsAnError() {
    repo.file("loop.hcl", "locals {\n  again = read_terragrunt_config(\"loop.hcl\")\n}\n");
    assertThat(repo.error("locals {\n  x = read_terragrunt_config(\"../../loop.hcl\")\n}\n")).contains("while evaluating it");
  }

  @Test
  void excludeBlockIsEvaluatedWithUnknownConditionsKeptUnknown() throws Exception {
    repo.unit("a", "exclude {\n  if = true\n  actions = [\"plan\", \"apply\"]\n  exclude_dependencies = true\n  no_run = true\n}\n");
    repo.unit("b", "exclude {\n  if = dependency.x.outputs.skip\n  actions = [\"all\"]\n}\n");
    ExcludeSpec a = repo.evaluate("a").exclude().orElseThrow();
    assertThat(a.condition()).contains(true);
    assertThat(a.actions()).containsExactly("plan", "apply");
    assertThat(a.excludeDependencies()).isTrue();
    assertThat(a.noRun()).isTrue();
    assertThat(a.excludes("apply")).isTrue();
    ExcludeSpec b = repo.evaluate("b").exclude().orElseThrow();
    assertThat(b.condition()).isEmpty();
    assertThat(b.excludes("apply")).isFalse();
  }

  @Test
  void localTerraformSourceDirectoryIsRecordedAsRead() throws Exception {
    repo.unit("live/app", "terraform {\n  source = \"../../modules/vpc\"\n}\n");
    repo.unit("live/reg", "terraform {\n  source = \"tfr:///terraform-aws-modules/vpc/aws?version=5.0.0\"\n}\n");
    UnitConfig app = repo.evaluate("live/app");
    assertThat(app.terraformSource()).contains("../../modules/vpc");
    assertThat(app.reads()).contains(repo.path("modules/vpc"));
    assertThat(repo.evaluate("live/reg").reads()).containsExactly(repo.path("live/reg/terragrunt.hcl"));
  }

  @Test
  void syntaxErrorsKeepTheParsersMessage() {
    String message = repo.error("locals {\n  x = \n}\n");
    assertThat(message).startsWith(repo.path("broken/b1/terragrunt.hcl") + ":");
  }

  @Test
  void aDirectoryWithoutTerragruntHclIsAConfigException() {
    repo.directory("empty");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> repo.evaluate("empty"))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("terragrunt.hcl: no such file");
  }

  @Test
  void anExcludeBlockWithoutIfIsAnError() {
    assertThat(repo.error("exclude {\n  actions = [\"all\"]\n}\n")).endsWith("terragrunt.hcl:1:1: the exclude block has no if");
  }

  @Test
  void syntaxErrorsInIncludedFilesNameTheIncludedFile() {
    repo.file("root.hcl", "locals {\n  x = [\n}\n");
    assertThat(repo.error("include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n"))
        .startsWith(repo.path("root.hcl") + ":3:");
  }

  @Test
  void anUnknownIncludePathIsAnError() {
    assertThat(repo.error("include \"root\" {\n  path = values.root\n}\n")).contains(":2:10: the include path is unknown");
  }
}
