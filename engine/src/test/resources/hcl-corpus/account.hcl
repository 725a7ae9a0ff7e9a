// Account-level settings.
locals {
  account_name   = "prod"
  aws_account_id = "111122223333" /* keep quoted */
  aws_profile    = "prod"
  tags = {
    Team          = "platform"
    "cost-center" = 42
  }
}
