include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../modules/redis"
}

dependency "vpc" {
  config_path = "../vpc"
  mock_outputs = {
    id = "vpc-mock"
  }
}

inputs = {
  vpc_id = dependency.vpc.outputs.id
}
