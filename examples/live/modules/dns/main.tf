# Stand-in module "dns" for the example repository.
variable "name" {
  type    = string
  default = "dns"
}

output "id" {
  value = "${var.name}-id"
}
