locals {
  account_name = "dev"
  account_id   = "111111111111"
}
