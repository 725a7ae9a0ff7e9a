# Stand-in module "redis" for the example repository.
variable "name" {
  type    = string
  default = "redis"
}

output "id" {
  value = "${var.name}-id"
}
