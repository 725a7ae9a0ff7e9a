# unit.<name>.path is where a unit of this file generates to (an absolute path), as in
# terragrunt 1.1.3's ParseStackConfig (injectStackComponentRefs).
locals {
  catalog = "../units"
}

unit "vpc" {
  source = "${local.catalog}/vpc"
  path   = "network/vpc"
}

unit "app" {
  source = "${local.catalog}/app"
  path   = "app"
  values = {
    vpc_path = unit.vpc.path
  }
}

unit "edge" {
  source                  = "${local.catalog}/vpc"
  path                    = "edge"
  no_dot_terragrunt_stack = true
}

unit "db" {
  source = "${local.catalog}/db"
  path   = "db"
  values = {
    network = unit.edge.path
    app     = unit.app.path
  }
}
