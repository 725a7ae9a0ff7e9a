#!/usr/bin/env bash
# The example pull request, applied inside a copy of examples/live: changes the dev network range
# (read by dev's vpc through _envcommon/vpc.hcl), adds a queue unit that depends on the dev vpc,
# deletes prod's dns unit and edits a README (ignored).
set -euo pipefail
sed -i 's#10.10.0.0/16#10.12.0.0/16#' dev/us-east-1/env.hcl
mkdir -p dev/us-east-1/queue
cat > dev/us-east-1/queue/terragrunt.hcl <<'HCL'
include "root" {
  path = find_in_parent_folders("root.hcl")
}

terraform {
  source = "../../../modules/redis"
}

dependency "vpc" {
  config_path = "../vpc"
}

inputs = {
  vpc_id = dependency.vpc.outputs.id
}
HCL
rm -r prod/us-east-1/dns
echo "The queue unit was added by the example pull request." >> README.md
