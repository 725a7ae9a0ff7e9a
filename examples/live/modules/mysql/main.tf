# Stand-in module "mysql" for the example repository.
variable "name" {
  type    = string
  default = "mysql"
}

output "id" {
  value = "${var.name}-id"
}
