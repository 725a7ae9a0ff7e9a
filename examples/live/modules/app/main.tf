# Stand-in module "app" for the example repository.
variable "name" {
  type    = string
  default = "app"
}

output "id" {
  value = "${var.name}-id"
}
