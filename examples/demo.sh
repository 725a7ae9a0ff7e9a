#!/usr/bin/env bash
# The main job on the bundled example: builds a throwaway git repository from examples/live (the
# base branch, main), commits a pull request on branch feature (examples/change/apply.sh), prints
# the accounts, the dependency graph and the deploy stack that Terragrunt Live CI computes, then
# deploys for real with `tglive run` and the real terragrunt and OpenTofu: first the whole base
# (from an empty commit), then the pull request. The copy uses local state instead of S3 and no
# AWS provider (examples/local), so nothing leaves the machine. Each run waits at every approval
# gate while a second process votes with `tglive approve`: alice, then bob, then carol approve each
# open gate until it passes (prod needs 2 approvals, a destroy 3; see docs/approvals.md). Missing
# tools are built first with scripts/install-tools.
# Set TGLIVE_DEMO_NO_DEPLOY=1 to stop after the stack.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/tglive-demo.XXXXXX")"
repo="$work/repo"
mkdir -p "$repo"

git -C "$repo" init -q -b main
git -C "$repo" -c user.name=demo -c user.email=demo@example.com commit -q --allow-empty -m "Empty: nothing deployed yet"
git -C "$repo" tag empty
cp -R "$here/live/." "$repo/"
cp "$here/local/root.hcl" "$repo/root.hcl"
for module in "$repo"/modules/*/; do cp "$here/local/resource.tf" "$module"; done
git -C "$repo" -c user.name=demo -c user.email=demo@example.com add -A
git -C "$repo" -c user.name=demo -c user.email=demo@example.com commit -q -m "Base: the live repository"
git -C "$repo" checkout -q -b feature
(cd "$repo" && bash "$here/change/apply.sh")
git -C "$repo" -c user.name=demo -c user.email=demo@example.com add -A
git -C "$repo" -c user.name=demo -c user.email=demo@example.com commit -q -m "PR: widen dev network, add a queue, retire prod dns"

echo "== tglive accounts"
"$top/tglive" accounts --repo "$repo"
echo
echo "== tglive graph (run order of the base repository)"
git -C "$repo" checkout -q main
"$top/tglive" graph --repo "$repo" --format text
git -C "$repo" checkout -q feature
echo
echo "== tglive stack --base main --head feature"
"$top/tglive" stack --repo "$repo" --base main --head feature --format text

if [ -n "${TGLIVE_DEMO_NO_DEPLOY:-}" ]; then
  rm -rf "$work"
  exit 0
fi

echo
echo "== deploying for real with terragrunt and OpenTofu"
tools="${TGLIVE_TOOLS_DIR:-$top/.tools}"
if [ ! -x "$tools/bin/terragrunt" ] || [ ! -x "$tools/bin/tofu" ] || [ ! -f "$tools/providers/tofurc" ]; then
  echo "terragrunt and OpenTofu are not installed in $tools: building them (scripts/install-tools)"
  if ! "$top/scripts/install-tools"; then
    echo "error: scripts/install-tools failed (it needs Go and the Go module proxy); nothing deployed" >&2
    exit 1
  fi
fi
export PATH="$tools/bin:$PATH"
export TG_TF_PATH="$tools/bin/tofu"
export TF_CLI_CONFIG_FILE="$tools/providers/tofurc"
export TGLIVE_DEMO_STATE="$work/state"
mkdir -p "$TGLIVE_DEMO_STATE"

trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
# shellcheck source=examples/voters.sh
source "$top/examples/voters.sh"

echo
echo "== tglive run --base empty --head main   (the whole base; the voters approve from a second process)"
git -C "$repo" checkout -q main
voters "$work/run-base" &
"$top/tglive" run --repo "$repo" --base empty --head main --parallelism 4 --run-dir "$work/run-base" --change "base" < /dev/null
wait
echo
echo "== tglive run --base main --head feature   (the pull request)"
git -C "$repo" checkout -q feature
voters "$work/run-pr" &
"$top/tglive" run --repo "$repo" --base main --head feature --parallelism 4 --run-dir "$work/run-pr" --change "PR #1" < /dev/null
wait
echo
echo "The demo repository, its local state and the run directories (journal, votes.jsonl, audit.jsonl, state.json, logs/, report.html) are in $work"
