include "root" {
  path = find_in_parent_folders("root.hcl")
}

dependency "vpc" {
  config_path = "${get_terragrunt_dir()}/../vpc"
}
