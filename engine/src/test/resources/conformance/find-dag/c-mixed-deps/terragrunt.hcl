# Both a dependency block and a dependencies block.
dependency "single_dep" {
  config_path = "../a-dependent"

  mock_outputs = {
    value = "mocked"
  }
}

dependencies {
  paths = ["../d-dependencies-only"]
}

terraform {
  source = "."
}
