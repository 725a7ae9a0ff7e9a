package io.tglive.testing;

/**
 * A small live repository in git, as real ones are laid out: a {@code root.hcl} every unit
 * includes, an {@code env.hcl} per environment read with {@code read_terragrunt_config}, an
 * {@code _envcommon/app.hcl} included by the app units, a local module and a file read with
 * {@code file()}. Units: {@code live/<env>/vpc} and {@code live/<env>/app} (depends on vpc) for
 * dev and prod, and {@code live/prod/dns} (depends on app).
 */
public final class LiveRepo {

  private LiveRepo() {}

  /** Writes the repository's files into the work tree (not committed). */
  public static TestRepo write(TestRepo repo) {
    repo.write("root.hcl", """
        locals {
          project = "demo"
        }
        """);
    repo.write("_envcommon/app.hcl", """
        locals {
          size = "small"
        }
        """);
    repo.write("modules/vpc/main.tf", "variable \"cidr\" {}\n");
    repo.write("README.md", "# demo\n");
    for (String env : new String[] {"dev", "prod"}) {
      repo.write("live/" + env + "/env.hcl", "locals {\n  env = \"" + env + "\"\n}\n");
      repo.write("live/" + env + "/vpc/terragrunt.hcl", unit("", VPC));
      repo.write("live/" + env + "/app/terragrunt.hcl", unit("", APP));
    }
    repo.write("live/prod/app/policy.json", "{}\n");
    repo.write("live/prod/app/terragrunt.hcl", unit("""
          policy = file("${get_terragrunt_dir()}/policy.json")
        """, APP));
    repo.write("live/prod/dns/terragrunt.hcl", unit("", """
        dependency "app" {
          config_path = "../app"
        }
        """));
    return repo;
  }

  private static final String VPC = """
      terraform {
        source = "../../../modules/vpc"
      }
      """;

  private static final String APP = """
      include "envcommon" {
        path = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/app.hcl"
      }
      dependency "vpc" {
        config_path = "../vpc"
      }
      """;

  /** A unit including root.hcl and reading env.hcl, with more {@code locals} lines and then {@code body}. */
  public static String unit(String locals, String body) {
    return """
        include "root" {
          path = find_in_parent_folders("root.hcl")
        }
        locals {
          env = read_terragrunt_config(find_in_parent_folders("env.hcl"))
        """ + locals + "}\n" + body;
  }
}
