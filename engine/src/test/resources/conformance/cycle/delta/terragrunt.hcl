dependency "alpha" {
  config_path = "../alpha"
}
