locals {
  crlf = "yes"
  doc  = <<-EOF
    line
  EOF
}
