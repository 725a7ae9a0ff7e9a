package io.tglive.config;

import static io.tglive.config.ConfigFixture.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files in HCL's JSON syntax evaluate like native ones when included or read. */
class JsonSyntaxEvaluationTest {

  @TempDir Path tmp;

  @Test
  void anIncludedJsonRootEvaluatesLikeNativeSyntax() throws Exception {
    ConfigFixture repo = new ConfigFixture(tmp);
    repo.file("live/root.hcl.json", """
        {
          "//": "shared settings",
          "locals": {"env": "${basename(get_terragrunt_dir())}", "region": "eu-west-1"},
          "inputs": {"region": "${local.region}", "name": "app-${local.env}"}
        }
        """);
    repo.unit("live/dev", """
        include "root" {
          path   = find_in_parent_folders("root.hcl.json")
          expose = true
        }
        locals {
          region = include.root.locals.region
          name   = include.root.inputs.name
        }
        """);
    assertThat(repo.local("live/dev", "region")).isEqualTo(str("eu-west-1"));
    assertThat(repo.local("live/dev", "name")).isEqualTo(str("app-dev"));
  }

  @Test
  void readTerragruntConfigReadsAJsonConfiguration() throws Exception {
    ConfigFixture repo = new ConfigFixture(tmp);
    repo.file("live/common.hcl.json", "{\"locals\": {\"tags\": {\"team\": \"core\", \"n\": \"${1 + 2}\"}}}");
    repo.unit("live/app", "locals {\n  common = read_terragrunt_config(\"../common.hcl.json\")\n  n = local.common.locals.tags.n\n}\n");
    assertThat(repo.local("live/app", "n")).isEqualTo(Value.number(3));
  }

  @Test
  void aJsonSyntaxErrorNamesTheFileAndLine() {
    ConfigFixture repo = new ConfigFixture(tmp);
    repo.file("live/bad.hcl.json", "{\n  \"locals\": {\"a\": }\n}\n");
    assertThat(repo.error("locals {\n  x = read_terragrunt_config(\"../../live/bad.hcl.json\")\n}\n"))
        .contains("live/bad.hcl.json:2:19: unexpected \"}\" : expected a JSON value");
  }
}
