include "root" {
  path = find_in_parent_folders("root.hcl")
}

dependency "vpc" {
  config_path = "${dirname(find_in_parent_folders("root.hcl"))}/network/vpc"
}

dependency "dns" {
  config_path = "${dirname(find_in_parent_folders("root.hcl"))}/network/dns"
}
