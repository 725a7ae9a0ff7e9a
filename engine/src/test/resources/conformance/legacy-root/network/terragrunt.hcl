include "root" {
  path = find_in_parent_folders("terragrunt.hcl")
}

terraform {
  source = "git::https://example.com/modules.git//network?ref=v1.0.0"
}
