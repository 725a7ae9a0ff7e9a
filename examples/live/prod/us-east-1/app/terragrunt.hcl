include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "${dirname(find_in_parent_folders("root.hcl"))}/modules/app"
}

dependency "vpc" {
  config_path = "../vpc"
}

dependency "mysql" {
  config_path = "../mysql"
}

dependency "redis" {
  config_path = "../redis/"
}

dependency "ecr" {
  config_path = "${dirname(find_in_parent_folders("root.hcl"))}/shared/us-east-1/ecr"
}

inputs = {
  vpc_id     = dependency.vpc.outputs.id
  db_id      = dependency.mysql.outputs.id
  cache_id   = dependency.redis.outputs.id
  image_repo = dependency.ecr.outputs.id
}
