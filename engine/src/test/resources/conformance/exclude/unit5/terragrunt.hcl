# The condition is false: not excluded.
exclude {
  if      = false
  actions = ["all"]
}
