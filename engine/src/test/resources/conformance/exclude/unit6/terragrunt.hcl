# Excluded only from destroy, which the graph does not draw.
exclude {
  if      = true
  actions = ["destroy"]
}
