locals {
  account_name = "shared"
  account_id   = "333333333333"
}
