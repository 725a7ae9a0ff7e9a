dependency "lambda" {
  config_path = "../../lambda"
}

terraform {
  source = "."
}
