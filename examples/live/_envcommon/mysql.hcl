# Settings every environment's database shares.
terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules/mysql"
}

dependency "vpc" {
  config_path = "${get_terragrunt_dir()}/../vpc"

  mock_outputs = {
    id = "vpc-mock"
  }
  mock_outputs_allowed_terraform_commands = ["validate", "plan"]
}

inputs = {
  vpc_id = dependency.vpc.outputs.id
}
