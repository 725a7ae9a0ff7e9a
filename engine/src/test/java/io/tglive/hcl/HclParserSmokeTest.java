package io.tglive.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HclParserSmokeTest {

  @Test
  void parsesATypicalTerragruntFile() {
    String source = """
        include "root" {
          path   = find_in_parent_folders()
          expose = true
        }

        locals {
          account = read_terragrunt_config(find_in_parent_folders("account.hcl"))
          names   = [for n in local.list : upper(n) if n != ""]
          by_id   = {for k, v in var.m : k => v...}
          cond    = var.a > 1 && !var.b ? -1.5e3 : null
          splat   = aws_instance.web[*].id
          tags    = { Name = "x", "quoted" = 2, (local.k) : 3 }
        }

        dependency "vpc" {
          config_path = "${get_terragrunt_dir()}/../vpc"
          mock_outputs = {
            vpc_id = "vpc-1234"
          }
        }

        generate "provider" {
          path      = "provider.tf"
          if_exists = "overwrite"
          contents  = <<-EOF
            provider "aws" {
              region = "${local.region}"
            }
          EOF
        }
        """;
    HclFile file = HclParser.parse("terragrunt.hcl", source);
    Block dependency = file.body().blocks("dependency").get(0);
    Attribute configPath = dependency.body().attribute("config_path").orElseThrow();
    assertThat(file.text(configPath.value().range())).isEqualTo("\"${get_terragrunt_dir()}/../vpc\"");
    Expression.Template contents = (Expression.Template) file.body().blocks("generate").get(0).body()
        .attribute("contents").orElseThrow().value();
    assertThat(contents.parts()).hasSize(3);
    assertThat(((TemplatePart.Literal) contents.parts().get(0)).text()).isEqualTo("provider \"aws\" {\n  region = \"");
    assertThat(((TemplatePart.Literal) contents.parts().get(2)).text()).isEqualTo("\"\n}\n");
  }
}
