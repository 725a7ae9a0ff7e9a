dependency "unit1" {
  config_path = "../unit1"
}

exclude {
  if      = true
  actions = ["apply"]
}
