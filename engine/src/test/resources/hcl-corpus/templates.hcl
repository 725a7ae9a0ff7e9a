locals {
  names    = ["a", "b", "c"]
  greeting = "Hello, %{ if local.user != "" }${local.user}%{ else }stranger%{ endif }!"
  list     = <<-EOT
    %{~ for i, name in local.names ~}
    ${i}: ${name}
    %{~ endfor ~}
  EOT
  escaped  = "literal $${not_interpolated} and %%{not_a_directive}"
  unicode  = "caf\u00e9 \U0001F600 \t tab"
  stripped = "  ${~ "x" ~}  "
  script   = <<EOT
#!/bin/bash
echo "${upper(local.user)}"
EOT
}
