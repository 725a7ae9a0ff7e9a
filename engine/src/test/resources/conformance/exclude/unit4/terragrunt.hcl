# Excluded for every command.
exclude {
  if      = true
  actions = ["all"]
}
