dependency "eks" {
  config_path = "../../eks"
}

terraform {
  source = "."
}
