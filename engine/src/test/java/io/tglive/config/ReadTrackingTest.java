package io.tglive.config;

import static io.tglive.config.ConfigFixture.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadTrackingTest {

  @TempDir Path tmp;
  ConfigFixture repo;

  @BeforeEach
  void setUp() {
    repo = new ConfigFixture(tmp);
  }

  @Test
  void fileFunctionsInAnIncludedRootsInputsAreReadsOfTheUnitAndResolveFromTheRootsDirectory() throws Exception {
    repo.file("live/common.yaml", "region: eu\n");
    repo.file("live/root.hcl", "inputs = yamldecode(file(\"common.yaml\"))\n");
    repo.unit("live/prod/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n");
    UnitConfig config = repo.evaluate("live/prod/app");
    assertThat(config.unresolved()).isEmpty();
    assertThat(config.reads()).contains(repo.path("live/common.yaml"), repo.path("live/root.hcl"));
  }

  @Test
  void readsInGenerateRemoteStateHooksAndExtraArgumentsAreRecorded() throws Exception {
    repo.file("live/provider.tf.tpl", "provider \"aws\" { region = \"${region}\" }\n");
    repo.file("live/backend.json", "{\"bucket\": \"b\"}");
    repo.file("live/hook.sh", "echo\n");
    repo.file("live/app/args.txt", "-lock=false");
    repo.unit("live/app", String.join("\n",
        "generate \"provider\" {",
        "  path = \"provider.tf\"",
        "  if_exists = \"overwrite\"",
        "  contents = templatefile(\"../provider.tf.tpl\", { region = \"eu\" })",
        "}",
        "remote_state {",
        "  backend = \"s3\"",
        "  config = jsondecode(file(\"../backend.json\"))",
        "}",
        "terraform {",
        "  before_hook \"check\" {",
        "    commands = [\"plan\"]",
        "    execute = [\"sh\", \"-c\", filesha256(\"../hook.sh\")]",
        "  }",
        "  extra_arguments \"args\" {",
        "    commands = [\"plan\"]",
        "    arguments = [file(\"args.txt\")]",
        "  }",
        "}",
        ""));
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.reads()).contains(
        repo.path("live/provider.tf.tpl"), repo.path("live/backend.json"), repo.path("live/hook.sh"),
        repo.path("live/app/args.txt"));
    assertThat(config.diagnostics()).isEmpty();
  }

  @Test
  void templatefileRendersTheTemplateWithItsVariables() throws Exception {
    repo.file("probe/t.tpl", "region=${region}%{ for z in zones }-${z}%{ endfor }");
    assertThat(repo.eval("templatefile(\"../t.tpl\", { region = \"eu\", zones = [\"a\", \"b\"] })"))
        .isEqualTo(str("region=eu-a-b"));
  }

  @Test
  void aMissingFileReadOutsideTheGraphBlocksIsADiagnosticAndStillARead() throws Exception {
    repo.unit("app", "inputs = {\n  x = file(\"later.yaml\")\n}\n");
    UnitConfig config = repo.evaluate("app");
    assertThat(config.unresolved()).isEmpty();
    assertThat(config.reads()).contains(repo.path("app/later.yaml"));
    assertThat(config.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.location()).isEqualTo(new Location(repo.path("app/terragrunt.hcl"), 2));
      assertThat(d.message()).contains("no file exists at " + repo.path("app/later.yaml"));
    });
  }

  @Test
  void terragruntReadFunctionsResolveFromTheUnitAndAreReads() throws Exception {
    repo.file("live/app/vars.tfvars", "region = \"eu\"\ncount = 2\n");
    repo.file("live/app/vars.json", "{\"a\": 1}");
    repo.file("live/app/secrets.enc.yaml", "sops: {}\n");
    repo.file("live/root.hcl", String.join("\n",
        "locals {",
        "  tfvars = jsondecode(read_tfvars_file(\"vars.tfvars\"))",
        "  json = jsondecode(read_tfvars_file(\"vars.json\"))",
        "  secret = sops_decrypt_file(\"secrets.enc.yaml\")",
        "  marked = mark_as_read(\"marker.txt\")",
        "}",
        "inputs = {",
        "  region = local.tfvars.region",
        "}",
        ""));
    repo.unit("live/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n  expose = true\n}\nlocals {\n  region = include.root.locals.tfvars.region\n  a = include.root.locals.json.a\n  secret = include.root.locals.secret\n}\n");
    assertThat(repo.local("live/app", "region")).isEqualTo(str("eu"));
    assertThat(repo.local("live/app", "a")).isEqualTo(Value.number(1));
    assertThat(repo.local("live/app", "secret").isKnown()).isFalse();
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.reads()).contains(
        repo.path("live/app/vars.tfvars"), repo.path("live/app/vars.json"),
        repo.path("live/app/secrets.enc.yaml"), repo.path("live/app/marker.txt"));
  }

  @Test
  void markGlobAsReadReadsTheMatchesAndTheGlobsFixedDirectory() throws Exception {
    repo.file("live/app/conf/a.yaml", "").file("live/app/conf/sub/b.yaml", "").file("live/app/conf/c.txt", "");
    repo.unit("live/app", "locals {\n  files = mark_glob_as_read(\"conf/**/*.yaml\")\n}\n");
    assertThat(repo.local("live/app", "files")).isEqualTo(ConfigFixture.list(
        str(repo.path("live/app/conf/a.yaml").toString()), str(repo.path("live/app/conf/sub/b.yaml").toString())));
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.reads()).contains(
        repo.path("live/app/conf"), repo.path("live/app/conf/a.yaml"), repo.path("live/app/conf/sub/b.yaml"));
    assertThat(config.reads()).doesNotContain(repo.path("live/app/conf/c.txt"));
  }

  @Test
  void filesetListsMatchesRelativeToItsDirectoryAndReadsTheDirectory() throws Exception {
    repo.file("probe/policies/a.json", "").file("probe/policies/b.json", "").file("probe/policies/x.txt", "");
    repo.unit("probe/app", "locals {\n  set = fileset(\"../policies\", \"*.json\")\n}\n");
    assertThat(repo.local("probe/app", "set"))
        .isEqualTo(new Value.SetValue(java.util.Set.of(str("a.json"), str("b.json"))));
    assertThat(repo.evaluate("probe/app").reads()).contains(repo.path("probe/policies"));
  }

  @Test
  void fileexistsIsAProbeFromTheIncludedFilesDirectory() throws Exception {
    repo.file("live/root.hcl", "locals {\n  has = fileexists(\"override.hcl\")\n}\n");
    repo.unit("live/app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n  expose = true\n}\n");
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.probes()).contains(repo.path("live/override.hcl"));
  }

  @Test
  void anIncludePathThatCannotBeEvaluatedMakesOnlyThatUnitIncomplete() throws Exception {
    repo.unit("live/app", "include \"root\" {\n  path = find_in_parent_folders(\"missing-root.hcl\")\n}\n");
    UnitConfig config = repo.evaluate("live/app");
    assertThat(config.dependencies()).isEmpty();
    assertThat(config.unresolved()).singleElement().satisfies(u -> {
      assertThat(u.location()).isEqualTo(new Location(repo.path("live/app/terragrunt.hcl"), 2));
      assertThat(u.reason()).startsWith(TerragruntEvaluator.UNEVALUABLE).contains("missing-root.hcl");
    });
  }
}
