# Settings every environment's VPC shares.
locals {
  module_dir = "${dirname(find_in_parent_folders("root.hcl"))}/modules/vpc"
  env        = read_terragrunt_config(find_in_parent_folders("env.hcl"))
}

terraform {
  source = local.module_dir
}

inputs = {
  cidr_block = local.env.locals.cidr_block
}
