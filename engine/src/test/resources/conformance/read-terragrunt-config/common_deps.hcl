# Read, not included: its dependency block is rendered into local.common_deps, not a graph edge.
dependency "module" {
  config_path = "./module"
}

inputs = {
  module_value = dependency.module.outputs.value
}
