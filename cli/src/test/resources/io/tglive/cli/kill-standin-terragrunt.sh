#!/bin/sh
# SCRIPTED STAND-IN for terragrunt, used ONLY by RunKillResumeTest for the fault the real tools
# cannot produce on demand: the tglive process killed (kill -9) at a random point, including in the
# middle of an apply. It keeps a tiny local "state" per unit ("<serial> <version>", replaced
# atomically with mv, so a finished apply is all-or-nothing) and follows terragrunt's contract:
# plan -detailed-exitcode (0 none, 2 changes) -out=<file>, show -json <file>, apply <file> (refused
# as "Saved plan is stale" when the state changed since the plan, like OpenTofu).
set -eu
unit="$(basename "$PWD")"
state="$STANDIN_STATE/$unit"
want() { cat version; }
current() { if [ -f "$state" ]; then cat "$state"; else echo "0 none"; fi; }
case "$1" in
  --version) echo "terragrunt version v1.1.3" ;;
  plan)
    out=""
    for arg in "$@"; do case "$arg" in -out=*) out="${arg#-out=}" ;; esac; done
    sleep "$STANDIN_PLAN_SECONDS"
    set -- $(current)
    if [ "$2" = "$(want)" ]; then echo "No changes."; exit 0; fi
    echo "$1 $(want)" > "$out"
    echo "Plan: 1 to add, 0 to change, 0 to destroy."
    exit 2 ;;
  show)
    set -- $(cat "$3")
    printf '{"format_version":"1.2","resource_changes":[{"address":"terraform_data.v","provider_name":"terraform.io/builtin/terraform","change":{"actions":["create"],"after":{"input":"%s","prior_serial":%s}}}]}\n' "$2" "$1" ;;
  apply)
    for plan in "$@"; do :; done
    set -- $(cat "$plan")
    sleep "$STANDIN_APPLY_SECONDS"
    now="$(current)"
    if [ "${now%% *}" != "$1" ]; then echo "Error: Saved plan is stale" >&2; exit 1; fi
    echo "$(($1 + 1)) $2" > "$state.tmp.$$"
    mv "$state.tmp.$$" "$state"
    echo "Apply complete! Resources: 1 added, 0 changed, 0 destroyed." ;;
  *) echo "stand-in: unsupported command $1" >&2; exit 1 ;;
esac
