# Stand-in module "vpc" for the example repository.
variable "name" {
  type    = string
  default = "vpc"
}

output "id" {
  value = "${var.name}-id"
}
