include {
  path = find_in_parent_folders()
}

dependency "network" {
  config_path = "../network"
}

terraform {
  source = "git::https://example.com/modules.git//app?ref=v1.0.0"
}
