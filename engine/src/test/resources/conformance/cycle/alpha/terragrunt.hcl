dependency "beta" {
  config_path = "../beta"
}
