#!/usr/bin/env bash
# The main job on the bundled example: builds a throwaway git repository from examples/live (the
# base branch, main), commits a pull request on branch feature (examples/change/apply.sh), then
# prints the accounts, the dependency graph and the deploy stack that Terragrunt Live CI computes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/tglive-demo.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cp -R "$here/live/." "$work/"
git -C "$work" init -q -b main
git -C "$work" -c user.name=demo -c user.email=demo@example.com add -A
git -C "$work" -c user.name=demo -c user.email=demo@example.com commit -q -m "Base: the live repository"
git -C "$work" checkout -q -b feature
(cd "$work" && bash "$here/change/apply.sh")
git -C "$work" -c user.name=demo -c user.email=demo@example.com add -A
git -C "$work" -c user.name=demo -c user.email=demo@example.com commit -q -m "PR: widen dev network, add a queue, retire prod dns"

echo "== tglive accounts"
"$top/tglive" accounts --repo "$work"
echo
echo "== tglive graph (run order of the base repository)"
git -C "$work" checkout -q main
"$top/tglive" graph --repo "$work" --format text
git -C "$work" checkout -q feature
echo
echo "== tglive stack --base main --head feature"
"$top/tglive" stack --repo "$work" --base main --head feature --format text
