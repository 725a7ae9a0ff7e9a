# An empty configuration at the root is a unit of its own: nothing includes it.
