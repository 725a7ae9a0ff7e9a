# Stand-in module "ecr" for the example repository.
variable "name" {
  type    = string
  default = "ecr"
}

output "id" {
  value = "${var.name}-id"
}
