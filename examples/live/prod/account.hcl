locals {
  account_name = "prod"
  account_id   = "222222222222"
}
