package io.tglive.run.deploy;

import io.tglive.testing.TestRepo;
import java.nio.file.Path;

/**
 * A live repository for the real terragrunt and OpenTofu: local state under
 * {@code $TGLIVE_TEST_STATE} (outside the repository, so that worktrees of any commit share it),
 * one module whose {@code terraform_data} carries a value, sleeps and may fail in a
 * {@code local-exec}, and units that pass values along through {@code dependency} blocks.
 */
public final class RealLiveRepo {

  public static final String ROOT = """
      generate "backend" {
        path      = "backend.tf"
        if_exists = "overwrite_terragrunt"
        contents  = <<EOF
      terraform {
        backend "local" {
          path = "${get_env("TGLIVE_TEST_STATE")}/${path_relative_to_include()}/terraform.tfstate"
        }
      }
      EOF
      }
      """;

  public static final String MODULE = """
      variable "value" {
        type = string
      }
      variable "sleep" {
        type    = number
        default = 0
      }
      variable "fail" {
        type    = bool
        default = false
      }
      resource "terraform_data" "this" {
        input = var.value
        provisioner "local-exec" {
          command = "sleep ${var.sleep}; ${var.fail ? "echo failing on purpose; exit 1" : "true"}"
        }
      }
      output "value" {
        value = terraform_data.this.output
      }
      """;

  private RealLiveRepo() {}

  /** A repository with the root configuration and the module, committed on main. */
  public static TestRepo create(Path dir) {
    TestRepo repo = TestRepo.init(dir);
    repo.write("root.hcl", ROOT).write("modules/value/main.tf", MODULE).write("README.md", "live\n");
    repo.commit("base");
    return repo;
  }

  /**
   * A unit using the module.
   *
   * @param inputs HCL of the inputs object's body ({@code value = "x"})
   * @param dependencies unit directories it reads outputs from, as {@code dependency.<name>}
   */
  public static String unit(String inputs, String... dependencies) {
    StringBuilder hcl = new StringBuilder("""
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        terraform {
          source = "../modules/value"
        }
        """);
    for (String dependency : dependencies) {
      hcl.append("dependency \"").append(dependency).append("\" {\n  config_path = \"../").append(dependency)
          .append("\"\n}\n");
    }
    return hcl.append("inputs = {\n").append(inputs).append("\n}\n").toString();
  }
}
