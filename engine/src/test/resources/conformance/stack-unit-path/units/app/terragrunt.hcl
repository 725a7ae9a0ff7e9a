dependency "vpc" {
  config_path = values.vpc_path

  mock_outputs = {
    id = "vpc-mock"
  }
}
