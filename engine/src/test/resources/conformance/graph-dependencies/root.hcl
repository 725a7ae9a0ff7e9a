# Shared settings every unit includes.
remote_state {
  backend = "s3"
  config = {
    bucket  = "example-state"
    key     = "${path_relative_to_include()}/terraform.tfstate"
    region  = "eu-west-1"
    encrypt = true
  }
}

inputs = {
  state_bucket = "example-state"
}
