# Outside the repository that depends on it.
