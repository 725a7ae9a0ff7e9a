package io.tglive.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configurations Terragrunt's decoder rejects are errors at their file and line, never dropped silently. */
class TerragruntSchemaTest {

  @TempDir Path tmp;

  private ConfigFixture repo;

  @BeforeEach
  void setUp() {
    repo = new ConfigFixture(tmp);
  }

  private void rejects(String content, int line, String message) {
    repo.unit("app", content);
    assertThatThrownBy(() -> repo.evaluate("app"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(repo.path("app/terragrunt.hcl") + ":" + line + ":1: " + message);
  }

  @Test
  void aMisspeltDependencyBlockIsAnErrorWithASuggestionNotAMissingEdge() {
    rejects("dependncy \"vpc\" {\n  config_path = \"../vpc\"\n}\n", 1,
        "unsupported block type \"dependncy\"; did you mean \"dependency\"?");
  }

  @Test
  void anUnknownTopLevelArgumentIsAnError() {
    rejects("inputs = {}\ncolour = {}\n", 2, "unsupported argument \"colour\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "terraform|terraform {\\n}\\nterraform {\\n}\\n|3",
      "locals|locals {\\n  a = 1\\n}\\nlocals {\\n  b = 2\\n}\\n|4",
      "dependencies|dependencies {\\n  paths = []\\n}\\ndependencies {\\n  paths = []\\n}\\n|4",
      "exclude|exclude {\\n  if = false\\n  actions = []\\n}\\nexclude {\\n  if = false\\n  actions = []\\n}\\n|5",
  })
  void aSecondSingleBlockIsAnError(String type, String content, int line) {
    repo.unit("app", content.replace("\\n", "\n"));
    assertThatThrownBy(() -> repo.evaluate("app"))
        .hasMessageStartingWith(repo.path("app/terragrunt.hcl") + ":" + line + ":1: duplicate " + type + " block")
        .hasMessageContaining("the first is at line 1");
  }

  @Test
  void aLabelOnTerraformIsAnError() {
    rejects("terraform \"x\" {\n}\n", 1, "the terraform block takes no label, not 1");
  }

  @Test
  void aDependencyWithoutItsNameIsAnError() {
    rejects("dependency {\n  config_path = \"../vpc\"\n}\n", 1, "the dependency block takes 1 label, not 0");
  }

  @Test
  void dependenciesWrittenAsAnArgumentIsAnError() {
    rejects("dependencies = {\n  paths = [\"../vpc\"]\n}\n", 1,
        "unsupported argument \"dependencies\"; dependencies is a block: write dependencies { ... }");
  }

  @Test
  void inputsWrittenAsABlockIsAnError() {
    rejects("inputs {\n  a = 1\n}\n", 1, "unsupported block type \"inputs\"; inputs is an argument: write inputs = ...");
  }

  @Test
  void anUnknownArgumentInsideADependencyIsAnError() {
    repo.unit("app", "dependency \"vpc\" {\n  config_path = \"../vpc\"\n  mock_output = {}\n}\n");
    assertThatThrownBy(() -> repo.evaluate("app"))
        .hasMessage(repo.path("app/terragrunt.hcl")
            + ":3:3: unsupported argument \"mock_output\" in a dependency block; did you mean \"mock_outputs\"?");
  }

  @Test
  void aTypoInsideDependenciesIsAnError() {
    repo.unit("app", "dependencies {\n  path = [\"../vpc\"]\n}\n");
    assertThatThrownBy(() -> repo.evaluate("app"))
        .hasMessageContaining(":2:3: unsupported argument \"path\" in a dependencies block; did you mean \"paths\"?");
  }

  @Test
  void anIncludedFileIsCheckedToo() {
    repo.file("root.hcl", "remote_stat {\n}\n");
    repo.unit("app", "include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n");
    assertThatThrownBy(() -> repo.evaluate("app"))
        .hasMessageContaining(repo.path("root.hcl") + ":1:1: unsupported block type \"remote_stat\"; did you mean \"remote_state\"?");
  }

  @Test
  void everyBlockAndArgumentTerragruntKnowsIsAccepted() throws Exception {
    repo.unit("vpc", "");
    repo.unit("app", """
        terraform_binary = "tofu"
        terraform_version_constraint = ">= 1.6"
        terragrunt_version_constraint = ">= 0.80"
        download_dir = "/tmp/x"
        prevent_destroy = false
        iam_role = "arn"
        iam_assume_role_duration = 3600
        iam_assume_role_session_name = "s"
        iam_web_identity_token = "t"
        inputs = { a = 1 }
        remote_state {
          backend = "local"
          config = {}
        }
        generate "provider" {
          path = "provider.tf"
          if_exists = "overwrite"
          contents = ""
        }
        terraform {
          source = "."
          extra_arguments "x" {
            commands = ["plan"]
          }
          before_hook "h" {
            commands = ["plan"]
            execute = ["true"]
          }
        }
        locals {
          x = 1
        }
        include {
          path = "../vpc/terragrunt.hcl"
        }
        dependency "vpc" {
          config_path = "../vpc"
          skip_outputs = true
          mock_outputs = {}
          mock_outputs_allowed_terraform_commands = ["plan"]
          mock_outputs_merge_strategy_with_state = "shallow"
        }
        dependencies {
          paths = ["../vpc"]
        }
        feature "f" {
          default = false
        }
        exclude {
          if = false
          actions = ["all"]
          exclude_dependencies = false
          no_run = false
        }
        errors {
          retry "r" {
            retryable_errors = []
            max_attempts = 2
            sleep_interval_sec = 1
          }
        }
        engine {
          source = "x"
        }
        catalog {
          urls = []
        }
        """);

    assertThat(repo.evaluate("app").dependencies()).isNotEmpty();
  }
}
