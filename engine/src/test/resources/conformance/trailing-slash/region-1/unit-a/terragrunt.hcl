dependency "unit_b" {
  config_path = "../../region-2/unit-b/"
}

dependencies {
  paths = ["../unit-c/", "../unit-c"]
}
