# No dependencies.
