unit "app" {
  source = "${local.catalog}/app"
  path   = "app"
  values = {
    vpc_path = unit.vpc.path
  }
}

unit "worker" {
  source = "${local.catalog}/app"
  path   = "worker"
  values = {
    vpc_path = "${unit.vpc.path}/../app"
  }
}
