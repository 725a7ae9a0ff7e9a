# Added to every example module by examples/demo.sh: one real (built-in) resource, so that the demo's
# applies create something in the local state.
resource "terraform_data" "this" {
  input = var.name
}
