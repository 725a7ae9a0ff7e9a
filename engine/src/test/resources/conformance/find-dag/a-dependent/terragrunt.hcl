dependency "dep" {
  config_path = "../b-dependency"

  mock_outputs = {
    value = "mocked"
  }
}

terraform {
  source = "."
}
