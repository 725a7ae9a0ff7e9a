# Stand-in module "iam" for the example repository.
variable "name" {
  type    = string
  default = "iam"
}

output "id" {
  value = "${var.name}-id"
}
