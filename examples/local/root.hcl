# The demo's root configuration: the same account and region files as examples/live/root.hcl, but
# local state under $TGLIVE_DEMO_STATE instead of S3, and no AWS provider, so that `tglive run`
# deploys the example for real on any machine, offline.
locals {
  account = read_terragrunt_config(find_in_parent_folders("account.hcl"))
  region  = read_terragrunt_config(find_in_parent_folders("region.hcl"))

  account_name = local.account.locals.account_name
  aws_region   = local.region.locals.aws_region
}

remote_state {
  backend = "local"
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    path = "${get_env("TGLIVE_DEMO_STATE")}/${path_relative_to_include()}/terraform.tfstate"
  }
}

inputs = {
  account_name = local.account_name
  aws_region   = local.aws_region
}
