# An include block of a stack file appends the unit and stack blocks of the file it names to this
# file's, evaluated here: the included blocks see this file's locals and unit.<name>.path, and
# their relative sources resolve from this directory (terragrunt 1.1.3, processStackConfigIncludes).
locals {
  catalog = "../units"
}

include "services" {
  path = "../common/services.stack.hcl"
}

unit "vpc" {
  source = "${local.catalog}/vpc"
  path   = "vpc"
}
