include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../modules/ecr"
}

dependency "iam" {
  config_path = "../../global/iam"
}

inputs = {
  pull_role = dependency.iam.outputs.id
}
