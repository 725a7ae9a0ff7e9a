package io.tglive.config;

import static io.tglive.config.ConfigFixture.list;
import static io.tglive.config.ConfigFixture.num;
import static io.tglive.config.ConfigFixture.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionsTest {

  @TempDir Path tmp;
  ConfigFixture repo;

  @BeforeEach
  void setUp() {
    repo = new ConfigFixture(tmp);
  }

  @Test
  void findInParentFoldersStartsAtTheParentAndFindsFilesAndDirectories() throws Exception {
    repo.file("live/root.hcl", "").file("live/env/root.hcl", "").directory("live/sg");
    repo.unit("live/env/app", "locals {\n  file = find_in_parent_folders(\"root.hcl\")\n  dir = find_in_parent_folders(\"sg\")\n}\n");
    repo.file("live/env/app/root.hcl", "");
    assertThat(repo.local("live/env/app", "file")).isEqualTo(str(repo.path("live/env/root.hcl").toString()));
    assertThat(repo.local("live/env/app", "dir")).isEqualTo(str(repo.path("live/sg").toString()));
  }

  @Test
  void findInParentFoldersAcceptsNestedNamesFallbacksAndTheDefaultName() throws Exception {
    repo.directory("live/core/vpc-info").file("live/terragrunt.hcl", "");
    repo.unit("live/a/b", "locals {\n  nested = find_in_parent_folders(\"core/vpc-info\")\n  fallback = find_in_parent_folders(\"nope.hcl\", \"none\")\n  default = find_in_parent_folders()\n}\n");
    assertThat(repo.local("live/a/b", "nested")).isEqualTo(str(repo.path("live/core/vpc-info").toString()));
    assertThat(repo.local("live/a/b", "fallback")).isEqualTo(str("none"));
    assertThat(repo.local("live/a/b", "default")).isEqualTo(str(repo.path("live/terragrunt.hcl").toString()));
  }

  @Test
  void findInParentFoldersWithoutMatchOrFallbackIsAnError() {
    assertThat(repo.error("locals {\n  x = find_in_parent_folders(\"missing-everywhere.hcl\")\n}\n"))
        .contains("terragrunt.hcl:2:7: find_in_parent_folders: could not find \"missing-everywhere.hcl\"");
  }

  @Test
  void directoryFunctionsDescribeTheUnitAndTheRepository() throws Exception {
    repo.directory(".git");
    repo.unit("live/dev/app", "locals {\n  tg = get_terragrunt_dir()\n  orig = get_original_terragrunt_dir()\n  parent = get_parent_terragrunt_dir()\n  root = get_repo_root()\n  from = get_path_from_repo_root()\n  to = get_path_to_repo_root()\n  rel_to = path_relative_to_include()\n  rel_from = path_relative_from_include()\n}\n");
    String dir = repo.path("live/dev/app").toString();
    assertThat(repo.local("live/dev/app", "tg")).isEqualTo(str(dir));
    assertThat(repo.local("live/dev/app", "orig")).isEqualTo(str(dir));
    assertThat(repo.local("live/dev/app", "parent")).isEqualTo(str(dir));
    assertThat(repo.local("live/dev/app", "root")).isEqualTo(str(repo.root.toString()));
    assertThat(repo.local("live/dev/app", "from")).isEqualTo(str("live/dev/app"));
    assertThat(repo.local("live/dev/app", "to")).isEqualTo(str("../../.."));
    assertThat(repo.local("live/dev/app", "rel_to")).isEqualTo(str("."));
    assertThat(repo.local("live/dev/app", "rel_from")).isEqualTo(str("."));
  }

  @Test
  void pathRelativeFunctionsRelateTheUnitToItsInclude() throws Exception {
    repo.file("live/root.hcl", "locals {\n  key = \"${path_relative_to_include()}/tf.tfstate\"\n}\n");
    repo.unit("live/dev/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n  expose = true\n}\nlocals {\n  to = path_relative_to_include()\n  from = path_relative_from_include()\n  key = include.root.locals.key\n}\n");
    assertThat(repo.local("live/dev/app", "to")).isEqualTo(str("dev/app"));
    assertThat(repo.local("live/dev/app", "from")).isEqualTo(str("../.."));
    assertThat(repo.local("live/dev/app", "key")).isEqualTo(str("dev/app/tf.tfstate"));
  }

  @Test
  void getEnvReadsTheEnvironmentMapWithDefaults() throws Exception {
    repo.environment.put("REGION", "eu-west-1");
    assertThat(repo.eval("get_env(\"REGION\")")).isEqualTo(str("eu-west-1"));
    assertThat(repo.eval("get_env(\"NOT_SET\", \"fallback\")")).isEqualTo(str("fallback"));
  }

  @Test
  void terraformCommandListsAreTerragruntsAndRunTimeValuesAreUnknownWithoutWarnings() throws Exception {
    assertThat(repo.eval("get_terraform_commands_that_need_parallelism()"))
        .isEqualTo(ConfigFixture.list(str("apply"), str("plan"), str("destroy")));
    assertThat(repo.eval("get_terraform_commands_that_need_locking()").asElements()).hasSize(7);
    repo.unit("live/app", "terraform {\n  extra_arguments \"vars\" {\n    commands = get_terraform_commands_that_need_vars()\n    arguments = [get_terraform_command(), get_platform()]\n  }\n}\n");
    assertThat(repo.evaluate("live/app").diagnostics()).isEmpty();
    assertThat(repo.eval("get_terraform_cli_args()").isKnown()).isFalse();
  }

  @Test
  void getEnvWithoutADefaultFailsForAnUnsetVariableAsTerragruntDoes() {
    assertThat(repo.error("locals {\n  x = get_env(\"TGLIVE_NOT_SET\")\n}\n"))
        .endsWith("terragrunt.hcl:2:7: get_env: the environment variable TGLIVE_NOT_SET is not set and no default is given");
  }

  @Test
  void getRepoRootIsTheGitTopLevelEvenAboveTheScannedDirectory() throws Exception {
    repo.directory(".git");
    ConfigFixture live = new ConfigFixture(repo.root.resolve("live"));
    live.unit("dev/app", "locals {\n  root = get_repo_root()\n  from = get_path_from_repo_root()\n}\n");
    assertThat(live.local("dev/app", "root")).isEqualTo(str(repo.root.toString()));
    assertThat(live.local("dev/app", "from")).isEqualTo(str("live/dev/app"));
  }

  @Test
  void getRepoRootOutsideAGitRepositoryIsAnErrorOfTheUnit() {
    assertThat(repo.error("locals {\n  x = get_repo_root()\n}\n")).contains("is not inside a git repository");
  }

  @Test
  void pathStringFunctionsFollowGoSemantics() throws Exception {
    assertThat(repo.eval("dirname(\"/a/b/c.hcl\")")).isEqualTo(str("/a/b"));
    assertThat(repo.eval("dirname(\"c.hcl\")")).isEqualTo(str("."));
    assertThat(repo.eval("basename(\"/a/b/\")")).isEqualTo(str("b"));
    assertThat(repo.eval("abspath(\"../x/./y\")")).isEqualTo(str(repo.path("probe/x/y").toString()));
  }

  @Test
  void fileReadsRelativeToTheUnitAndIsRecordedAsRead() throws Exception {
    repo.file("live/app/data.json", "{\"name\": \"vpc\", \"n\": [1, 2.5]}");
    repo.unit("live/app", "locals {\n  data = jsondecode(file(\"data.json\"))\n  exists = fileexists(\"data.json\")\n  missing = fileexists(\"nope.json\")\n}\ndependency \"x\" {\n  config_path = \"../${local.data.name}\"\n}\n");
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.reads()).contains(repo.path("live/app/data.json"));
    assertThat(config.dependencies()).extracting(DependencyEdge::target).containsExactly(repo.path("live/vpc"));
    assertThat(repo.local("live/app", "exists")).isEqualTo(Value.TRUE);
    assertThat(repo.local("live/app", "missing")).isEqualTo(Value.FALSE);
    assertThat(repo.local("live/app", "data"))
        .isEqualTo(Value.object(Map.of("name", str("vpc"), "n", list(num(1), new Value.NumberValue(new java.math.BigDecimal("2.50")))))) ;
  }

  @Test
  void fileOfAMissingFileIsAnError() {
    assertThat(repo.error("locals {\n  x = file(\"nope.txt\")\n}\n")).contains(":2:7: file: argument 1: no file exists at");
  }

  @Test
  void yamlAndJsonDecodeAndEncode() throws Exception {
    assertThat(repo.eval("yamldecode(\"a: 1\\nb: [x, y]\\n\")"))
        .isEqualTo(Value.object(Map.of("a", num(1), "b", list(str("x"), str("y")))));
    assertThat(repo.eval("jsonencode({b = [1, true], a = null})")).isEqualTo(str("{\"a\":null,\"b\":[1,true]}"));
  }

  @Test
  void formatSupportsTheCommonVerbs() throws Exception {
    assertThat(repo.eval("format(\"%s-%d-%v-%q-%%-%t\", \"a\", 42, [1], \"q\", true)"))
        .isEqualTo(str("a-42-[1]-\"q\"-%-true"));
    assertThat(repo.eval("format(\"%5s|%-3s|\", \"ab\", \"c\")")).isEqualTo(str("   ab|c  |"));
  }

  @Test
  void formatWithTooFewArgumentsIsUnknownWithADiagnosticForTheUnit() throws Exception {
    assertThat(failedCall("format(\"%s %s\", \"a\")")).singleElement().asString()
        .contains("terragrunt.hcl:2: format: not enough arguments for \"%s\" at 3: need index 2 but have 1 total");
  }

  /** The diagnostics of a unit whose only local is this failing call, after checking the local is unknown. */
  private List<String> failedCall(String call) throws Exception {
    String unit = "calls/c" + (++calls);
    repo.unit(unit, "locals {\n  x = " + call + "\n}\n");
    assertThat(repo.local(unit, "x")).isInstanceOf(Value.UnknownValue.class);
    return repo.evaluate(unit).diagnostics().stream().map(Diagnostic::toString).toList();
  }

  private int calls;

  @Test
  void stringFunctions() throws Exception {
    assertThat(repo.eval("join(\"/\", [\"a\", \"b\"], [\"c\"])")).isEqualTo(str("a/b/c"));
    assertThat(repo.eval("split(\",\", \"a,b,,c\")")).isEqualTo(list(str("a"), str("b"), str(""), str("c")));
    assertThat(repo.eval("lower(\"AbC\")")).isEqualTo(str("abc"));
    assertThat(repo.eval("upper(\"AbC\")")).isEqualTo(str("ABC"));
    assertThat(repo.eval("replace(\"a-b-c\", \"-\", \"_\")")).isEqualTo(str("a_b_c"));
    assertThat(repo.eval("replace(\"v1.2.3\", \"/v(\\\\d+)\\\\..*/\", \"major=$1\")")).isEqualTo(str("major=1"));
    assertThat(repo.eval("trimprefix(\"prod-app\", \"prod-\")")).isEqualTo(str("app"));
    assertThat(repo.eval("trimsuffix(\"app.hcl\", \".hcl\")")).isEqualTo(str("app"));
    assertThat(repo.eval("trimspace(\"  x \\n\")")).isEqualTo(str("x"));
    assertThat(repo.eval("startswith(\"prod-app\", \"prod\")")).isEqualTo(Value.TRUE);
    assertThat(repo.eval("endswith(\"prod-app\", \"prod\")")).isEqualTo(Value.FALSE);
    assertThat(repo.eval("strcontains(\"prod-app\", \"d-a\")")).isEqualTo(Value.TRUE);
  }

  @Test
  void collectionFunctions() throws Exception {
    assertThat(repo.eval("concat([1], [2, 3])")).isEqualTo(list(num(1), num(2), num(3)));
    assertThat(repo.eval("merge({a = 1, b = 1}, {b = 2}, null)")).isEqualTo(Value.object(Map.of("a", num(1), "b", num(2))));
    assertThat(repo.eval("lookup({a = 1}, \"a\")")).isEqualTo(num(1));
    assertThat(repo.eval("lookup({a = 1}, \"b\", 7)")).isEqualTo(num(7));
    assertThat(repo.eval("element([\"a\", \"b\"], 3)")).isEqualTo(str("b"));
    assertThat(repo.eval("length(\"héllo\")")).isEqualTo(num(5));
    assertThat(repo.eval("length({a = 1})")).isEqualTo(num(1));
    assertThat(repo.eval("length([1, 2])")).isEqualTo(num(2));
    assertThat(repo.eval("coalesce(null, \"\", \"x\")")).isEqualTo(str("x"));
    assertThat(repo.eval("flatten([[1, [2]], 3])")).isEqualTo(list(num(1), num(2), num(3)));
    assertThat(repo.eval("distinct([1, 2, 1])")).isEqualTo(list(num(1), num(2)));
    assertThat(repo.eval("contains([\"a\", \"b\"], \"b\")")).isEqualTo(Value.TRUE);
    assertThat(repo.eval("keys({b = 1, a = 2})")).isEqualTo(list(str("a"), str("b")));
    assertThat(repo.eval("values({b = 1, a = 2})")).isEqualTo(list(num(2), num(1)));
    assertThat(repo.eval("compact([\"a\", \"\", null])")).isEqualTo(list(str("a")));
  }

  @Test
  void lookupOfAMissingKeyWithoutDefaultIsUnknownWithADiagnostic() throws Exception {
    assertThat(failedCall("lookup({a = 1}, \"b\")")).singleElement().asString()
        .contains(":2: lookup: the key \"b\" does not exist").endsWith("the result of lookup() is unknown");
  }

  @Test
  void conversionFunctions() throws Exception {
    assertThat(repo.eval("tostring(12)")).isEqualTo(str("12"));
    assertThat(repo.eval("tostring(true)")).isEqualTo(str("true"));
    assertThat(repo.eval("tonumber(\"1.50\")")).isEqualTo(new Value.NumberValue(new java.math.BigDecimal("1.5")));
    assertThat(repo.eval("tobool(\"false\")")).isEqualTo(Value.FALSE);
    assertThat(repo.eval("tolist(toset([\"b\", \"a\", \"b\"]))")).isEqualTo(list(str("b"), str("a")));
    assertThat(repo.eval("toset([1, 1]) == toset([1])")).isEqualTo(Value.TRUE);
  }

  @Test
  void tryReturnsTheFirstArgumentThatEvaluates() throws Exception {
    assertThat(repo.eval("try(local.nope, {}.x, \"fallback\")")).isEqualTo(str("fallback"));
    assertThat(repo.eval("try(\"first\", local.nope)")).isEqualTo(str("first"));
  }

  @Test
  void tryWithAnUnknownArgumentIsUnknownRatherThanTheFallback() throws Exception {
    assertThat(repo.eval("try(dependency.vpc.outputs.id, \"fallback\")")).isInstanceOf(Value.UnknownValue.class);
  }

  @Test
  void canTellsWhetherAnExpressionEvaluates() throws Exception {
    assertThat(repo.eval("can(regexall_unknown_var.x)")).isEqualTo(Value.FALSE);
    assertThat(repo.eval("can({a = 1}.a)")).isEqualTo(Value.TRUE);
    assertThat(repo.eval("can(dependency.vpc.outputs.id)")).isInstanceOf(Value.UnknownValue.class);
  }

  @Test
  void unsupportedFunctionsAreUnknownWithADiagnostic() throws Exception {
    repo.unit("live/app", "locals {\n  account = get_aws_account_id()\n}\ndependency \"db\" {\n  config_path = \"../${local.account}/db\"\n}\n");
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.diagnostics()).extracting(Diagnostic::toString)
        .containsExactly(repo.path("live/app/terragrunt.hcl") + ":2: unsupported function \"get_aws_account_id\"; its result is unknown");
    assertThat(config.dependencies()).isEmpty();
    assertThat(config.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.expression()).isEqualTo("\"../${local.account}/db\"");
      assertThat(u.reason()).contains("get_aws_account_id");
    });
  }

  @Test
  void wrongArgumentCountNamesTheFunctionAndPosition() throws Exception {
    assertThat(failedCall("join(\",\")")).singleElement().asString()
        .contains("terragrunt.hcl:2: join: expects at least 2 arguments, got 1");
    assertThat(failedCall("upper(\"a\", \"b\")")).singleElement().asString()
        .contains("terragrunt.hcl:2: upper: expects 1 argument, got 2");
  }

  @Test
  void wrongArgumentTypeNamesTheArgument() throws Exception {
    assertThat(failedCall("join(\",\", \"notalist\")")).singleElement().asString()
        .contains("terragrunt.hcl:2: join: argument 2: a list is required, not a string");
  }

  @Test
  void anUnknownFunctionNameFailsTheUnitLikeTerragrunt() {
    assertThat(repo.error("locals {\n  x = lenght([1])\n}\n"))
        .endsWith("terragrunt.hcl:2:7: call to unknown function: there is no function named \"lenght\"");
  }
}
