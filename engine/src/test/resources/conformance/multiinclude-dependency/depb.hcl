# Evaluated in the including unit's context, so the path is anchored at this file's directory.
dependency "depb" {
  config_path = "${get_parent_terragrunt_dir()}/depb"
}
