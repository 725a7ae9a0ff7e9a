package io.tglive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a synthetic infrastructure-live repository in the styles real ones use, for benchmarks
 * and large-scale tests:
 *
 * <ul>
 *   <li>{@code root.hcl} reads {@code account.hcl}, {@code region.hcl} and {@code env.hcl} with
 *       {@code read_terragrunt_config(find_in_parent_folders(...))}, and has a {@code remote_state}
 *       keyed by {@code path_relative_to_include()} and a {@code generate} block with a heredoc;
 *   <li>every unit includes {@code root.hcl} and an {@code _envcommon/<component>.hcl} with
 *       {@code expose = true};
 *   <li>dependencies use literal paths, {@code ${get_terragrunt_dir()}/../x}, {@code
 *       ${dirname(find_in_parent_folders("root.hcl"))}/...} and {@code dependencies} blocks, with
 *       {@code mock_outputs}.
 * </ul>
 *
 * <p>Layout: {@code acct-A/<region>/env-E/<group>/<component>/terragrunt.hcl}, 20 units per
 * environment (network/vpc, network/sg, data/rds, data/redis, compute/eks, services/svc-00..14);
 * every dependency stays inside its environment and points to an earlier unit, so the graph is
 * acyclic with run-order depth up to 8. The same arguments give the same files.
 */
public final class SyntheticLiveRepo {

  /** Units per environment. */
  public static final int UNITS_PER_ENVIRONMENT = 20;

  private static final int ACCOUNTS = 5;
  private static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "eu-central-1");
  private static final List<String> COMPONENTS = List.of("vpc", "sg", "rds", "redis", "eks", "service");

  private final Path root;
  private final Random random;

  private SyntheticLiveRepo(Path root, long seed) {
    this.root = root;
    this.random = new Random(seed);
  }

  /**
   * Writes a repository of exactly {@code units} units into {@code dir} (created if needed) and
   * returns the repository-relative paths of its units.
   */
  public static List<String> generate(Path dir, int units, long seed) {
    try {
      return new SyntheticLiveRepo(dir, seed).write(units);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> write(int units) throws IOException {
    Files.createDirectories(root);
    put("root.hcl", rootHcl());
    for (String component : COMPONENTS) {
      put("_envcommon/" + component + ".hcl", envcommon(component));
    }
    List<String> written = new ArrayList<>();
    int environments = (units + UNITS_PER_ENVIRONMENT - 1) / UNITS_PER_ENVIRONMENT;
    for (int e = 0; e < environments; e++) {
      int account = e % ACCOUNTS;
      String region = REGIONS.get((e / ACCOUNTS) % REGIONS.size());
      String accountDir = "acct-" + account;
      String regionDir = accountDir + "/" + region;
      String envDir = regionDir + "/env-" + e;
      if (e < ACCOUNTS) {
        put(accountDir + "/account.hcl", accountHcl(account));
      }
      if (e < ACCOUNTS * REGIONS.size()) {
        put(regionDir + "/region.hcl", "locals {\n  aws_region = \"" + region + "\"\n}\n");
      }
      put(envDir + "/env.hcl", envHcl(e));
      int count = Math.min(UNITS_PER_ENVIRONMENT, units - e * UNITS_PER_ENVIRONMENT);
      written.addAll(environment(envDir, count));
    }
    return written;
  }

  private List<String> environment(String envDir, int count) throws IOException {
    List<String> units = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String path = envDir + "/" + unitPath(i);
      put(path + "/terragrunt.hcl", unit(envDir, i));
      units.add(path);
    }
    return units;
  }

  private static String unitPath(int index) {
    return switch (index) {
      case 0 -> "network/vpc";
      case 1 -> "network/sg";
      case 2 -> "data/rds";
      case 3 -> "data/redis";
      case 4 -> "compute/eks";
      default -> String.format("services/svc-%02d", index - 5);
    };
  }

  private static String component(int index) {
    return index < 5 ? COMPONENTS.get(index) : "service";
  }

  private String unit(String envDir, int index) {
    StringBuilder hcl = new StringBuilder();
    hcl.append("include \"root\" {\n  path = find_in_parent_folders(\"root.hcl\")\n}\n\n");
    hcl.append("include \"envcommon\" {\n")
        .append("  path   = \"${dirname(find_in_parent_folders(\"root.hcl\"))}/_envcommon/")
        .append(component(index)).append(".hcl\"\n")
        .append("  expose = true\n}\n\n");
    switch (index) {
      case 0 -> {}
      case 1 -> dependency(hcl, "vpc", "\"../vpc\"");
      case 2 -> {
        dependency(hcl, "vpc", "\"${get_terragrunt_dir()}/../../network/vpc\"");
        dependency(hcl, "sg", "\"../../network/sg\"");
      }
      case 3 -> hcl.append("dependencies {\n  paths = [\"../../network/vpc\", \"../../network/sg\"]\n}\n\n");
      case 4 -> dependency(hcl, "vpc",
          "\"${dirname(find_in_parent_folders(\"root.hcl\"))}/" + envDir + "/network/vpc\"");
      default -> service(hcl, index);
    }
    hcl.append("inputs = {\n")
        .append("  name          = \"").append(component(index)).append("-").append(index).append("\"\n")
        .append("  instance_type = include.envcommon.locals.instance_type\n")
        .append("  replicas      = ").append(1 + random.nextInt(5)).append("\n")
        .append("  tags = {\n    Component = \"").append(component(index)).append("\"\n  }\n")
        .append("}\n");
    return hcl.toString();
  }

  private void service(StringBuilder hcl, int index) {
    dependency(hcl, "eks", "\"../../compute/eks\"");
    if (random.nextBoolean()) {
      dependency(hcl, "rds", "\"${get_terragrunt_dir()}/../../data/rds\"");
    }
    if (index > 5 && random.nextInt(3) > 0) {
      String other = unitPath(5 + random.nextInt(index - 5));
      dependency(hcl, "upstream", "\"../../" + other + "\"");
    }
    if (random.nextInt(4) == 0) {
      hcl.append("dependencies {\n  paths = [\"../../data/redis\"]\n}\n\n");
    }
    hcl.append("generate \"versions\" {\n")
        .append("  path      = \"versions_override.tf\"\n")
        .append("  if_exists = \"overwrite_terragrunt\"\n")
        .append("  contents  = <<EOF\n")
        .append("terraform {\n  required_providers {\n    kubernetes = {\n")
        .append("      source  = \"hashicorp/kubernetes\"\n      version = \"~> 2.").append(random.nextInt(30)).append("\"\n")
        .append("    }\n  }\n}\nEOF\n}\n\n");
  }

  private static void dependency(StringBuilder hcl, String name, String path) {
    hcl.append("dependency \"").append(name).append("\" {\n")
        .append("  config_path = ").append(path).append("\n\n")
        .append("  mock_outputs = {\n    id  = \"mock-").append(name).append("-id\"\n")
        .append("    arn = \"arn:aws:mock:::").append(name).append("\"\n  }\n")
        .append("  mock_outputs_allowed_terraform_commands = [\"validate\", \"plan\"]\n}\n\n");
  }

  private static String rootHcl() {
    return """
        locals {
          account_vars = read_terragrunt_config(find_in_parent_folders("account.hcl"))
          region_vars  = read_terragrunt_config(find_in_parent_folders("region.hcl"))
          env_vars     = read_terragrunt_config(find_in_parent_folders("env.hcl"))

          account_name = local.account_vars.locals.account_name
          account_id   = local.account_vars.locals.aws_account_id
          aws_region   = local.region_vars.locals.aws_region
        }

        generate "provider" {
          path      = "provider.tf"
          if_exists = "overwrite_terragrunt"
          contents  = <<EOF
        provider "aws" {
          region = "${local.aws_region}"
          allowed_account_ids = ["${local.account_id}"]
        }
        EOF
        }

        remote_state {
          backend = "s3"
          config = {
            encrypt        = true
            bucket         = "${local.account_name}-terraform-state-${local.aws_region}"
            key            = "${path_relative_to_include()}/terraform.tfstate"
            region         = local.aws_region
            dynamodb_table = "terraform-locks"
          }
          generate = {
            path      = "backend.tf"
            if_exists = "overwrite_terragrunt"
          }
        }

        inputs = merge(
          local.account_vars.locals,
          local.region_vars.locals,
          local.env_vars.locals,
        )
        """;
  }

  private static String envcommon(String component) {
    return "locals {\n"
        + "  environment_vars = read_terragrunt_config(find_in_parent_folders(\"env.hcl\"))\n"
        + "  env              = local.environment_vars.locals.environment\n"
        + "  base_source_url  = \"git::git@github.com:example/infrastructure-modules.git//" + component + "\"\n"
        + "  instance_type    = local.env == \"prod\" ? \"m5.large\" : \"t3.medium\"\n"
        + "}\n\n"
        + "terraform {\n  source = \"${local.base_source_url}?ref=v1.4.0\"\n}\n\n"
        + "inputs = {\n  component = \"" + component + "\"\n  env       = local.env\n}\n";
  }

  private static String accountHcl(int account) {
    return "locals {\n  account_name   = \"account-" + account + "\"\n"
        + "  aws_account_id = \"" + (100000000000L + account) + "\"\n}\n";
  }

  private static String envHcl(int env) {
    return "locals {\n  environment = \"" + (env % 3 == 0 ? "prod" : "env-" + env) + "\"\n}\n";
  }

  private void put(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
