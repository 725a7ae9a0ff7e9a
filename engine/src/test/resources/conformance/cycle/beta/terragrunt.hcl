# beta needs gamma

dependency "gamma" {
  config_path = "../gamma"
}
