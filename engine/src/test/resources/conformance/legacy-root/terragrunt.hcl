# A legacy root configuration: included by every unit, with no terraform source and no *.tf files.
remote_state {
  backend = "s3"
  config = {
    bucket = "legacy-state"
    key    = "${path_relative_to_include()}/terraform.tfstate"
    region = "us-east-1"
  }
}
