# find_in_parent_folders finds directories too, and names may contain a slash.
dependency "sg" {
  config_path = find_in_parent_folders("sg")
}

dependencies {
  paths = [find_in_parent_folders("core/vpc")]
}
