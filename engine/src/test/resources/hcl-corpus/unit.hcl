include "root" {
  path   = find_in_parent_folders("root.hcl")
  expose = true
}

include "envcommon" {
  path           = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/mysql.hcl"
  merge_strategy = "deep"
}

terraform {
  source = "${include.envcommon.locals.base_source_url}?ref=v0.8.0"

  extra_arguments "retry_lock" {
    commands  = get_terraform_commands_that_need_locking()
    arguments = ["-lock-timeout=20m"]
  }

  before_hook "before_hook" {
    commands = ["apply", "plan"]
    execute  = ["echo", "Running Terraform"]
  }
}

dependency "vpc" {
  config_path = "${get_terragrunt_dir()}/../vpc"

  mock_outputs = {
    vpc_id          = "vpc-00000000"
    private_subnets = ["subnet-1", "subnet-2"]
    nested = {
      deeper = { value = 1.5e2 }
    }
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
  mock_outputs_merge_strategy_with_state  = "shallow"
  skip_outputs                            = false
}

dependency "kms" {
  config_path = "../kms"
}

dependencies {
  paths = ["../vpc", "../kms", "../../shared/iam"]
}

inputs = {
  vpc_id      = dependency.vpc.outputs.vpc_id
  subnet_ids  = dependency.vpc.outputs.private_subnets
  kms_key_arn = dependency.kms.outputs.key_arn
  name        = "mysql-${include.root.locals.account_name}"
  instance    = include.root.locals.account_name == "prod" ? "db.r5.large" : "db.t3.micro"
  storage     = max(20, try(include.root.locals.storage, 10) * 2)
}
