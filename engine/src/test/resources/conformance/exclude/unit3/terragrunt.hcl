dependency "unit2" {
  config_path = "../unit2"
}
