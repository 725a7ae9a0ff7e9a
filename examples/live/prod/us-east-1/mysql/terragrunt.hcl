include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path           = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/mysql.hcl"
  merge_strategy = "deep"
}

inputs = {
  instance_class = "db.t4g.medium"
}
